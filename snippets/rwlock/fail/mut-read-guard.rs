//! expect: compile-error E0596
//!
//! A quiz: `write-through-read` with `let mut guard`. `mut` lets the
//! binding change; a read guard still lends only `&`.

use std::sync::RwLock;

fn main() {
    // #region quiz
    let prices = RwLock::new(vec![3, 5]);
    let mut guard = prices.read().unwrap();
    guard.push(8);
    // #endregion quiz
    println!("{:?}", *guard);
}
