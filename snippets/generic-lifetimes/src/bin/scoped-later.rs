//! expect: runs
//!
//! A quiz: `static-missing` with a scoped thread: the scope joins it before
//! `print_later` returns, so `T` need not be `'static`.

use std::fmt::Debug;
use std::thread;

// #region quiz
fn print_later<T: Debug + Send>(value: T) {
    thread::scope(|s| {
        s.spawn(move || println!("later: {value:?}"));
    });
}
// #endregion quiz

fn main() {
    print_later(5);
}
