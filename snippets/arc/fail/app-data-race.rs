//! expect: compile-error E0499
//!
//! A data race the compiler refuses: two threads that would both push to
//! the same `Vec` need two `&mut` borrows of it at once.

use std::thread;

fn main() {
    let mut log = Vec::new();
    // #region race
    thread::scope(|s| {
        s.spawn(|| log.push("from t1"));
        s.spawn(|| log.push("from t2"));
    });
    // #endregion race
    println!("{log:?}");
}
