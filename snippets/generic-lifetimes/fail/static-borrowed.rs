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

// The region takes in `fn main` and its closing brace: a marker inside the
// body would sit between the lines rustc quotes and show in its message.
// #region borrowed
fn main() {
    let owned = String::from("made at run time");
    print_later(&owned);
}
// #endregion borrowed
