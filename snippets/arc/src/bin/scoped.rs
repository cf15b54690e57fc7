//! expect: runs
//!
//! Threads that end before the data does need no `Arc`: `thread::scope`
//! joins every thread it spawned before it returns, so they may borrow
//! the caller's locals.

use std::thread;

fn main() {
    // #region scope
    let words = vec!["borrow", "lifetime", "scope"];
    let total: usize = thread::scope(|s| {
        let halves = words.split_at(words.len() / 2); // plain borrows
        let a = s.spawn(|| halves.0.iter().map(|w| w.len()).sum::<usize>());
        let b = s.spawn(|| halves.1.iter().map(|w| w.len()).sum::<usize>());
        a.join().unwrap() + b.join().unwrap()
    }); // every thread has ended here
    println!("{total} letters; words still owned by main: {words:?}");
    // #endregion scope
}
