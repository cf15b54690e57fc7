//! expect: runs
//!
//! `T: 'static` means "holds no borrow shorter than the program": an owned
//! `String` made at run time qualifies. `&'static T` is stricter: the data
//! itself must live for the whole run.

use std::fmt::Debug;
use std::thread;

// #region bound
/// The thread may outlive the caller: no local borrows.
fn print_later<T: Debug + Send + 'static>(value: T) {
    thread::spawn(move || println!("later: {value:?}"))
        .join()
        .unwrap();
}

/// Data that lives for the whole run: literals, statics.
fn keep_forever(text: &'static str) -> usize {
    text.len()
}

fn main() {
    let owned = String::from("made at run time"); // T = String
    print_later(owned);
    print_later("a literal"); // T = &'static str
    println!("kept {} bytes", keep_forever("also a literal"));
}
// #endregion bound
