//! expect: compile-error E0597
//!
//! A reference to a local is not `'static`, so it cannot satisfy the bound.

use std::fmt::Debug;
use std::thread;

fn print_later<T: Debug + Send + 'static>(value: T) {
    thread::spawn(move || println!("later: {value:?}"))
        .join()
        .unwrap();
}

fn main() {
    // #region borrowed
    let owned = String::from("made at run time");
    print_later(&owned);
    // #endregion borrowed
}
