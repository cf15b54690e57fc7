//! expect: runs
//!
//! Threads that end before the data does need no `Arc`: `thread::scope`
//! joins every thread it spawned before it returns, so they may borrow
//! the caller's locals.

use std::thread;

/// How many letters the words hold.
fn letters(words: &[&str]) -> usize {
    words.iter().map(|w| w.len()).sum()
}

fn main() {
    // #region scope
    let words = vec!["borrow", "lifetime", "scope"];
    let total = thread::scope(|s| {
        let (left, right) = words.split_at(1); // plain borrows
        let a = s.spawn(|| letters(left));
        let b = s.spawn(|| letters(right));
        a.join().unwrap() + b.join().unwrap()
    }); // every thread has ended here
    println!("{total} letters; main still owns {words:?}");
    // #endregion scope
}
