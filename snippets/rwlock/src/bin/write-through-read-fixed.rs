//! expect: runs
//!
//! `fail/write-through-read.rs` fixed: a write guard derefs to `&mut T`
//! (it implements `DerefMut`), so the push compiles.

use std::sync::RwLock;

fn main() {
    // #region push
    let prices = RwLock::new(vec![3, 5]);
    let mut guard = prices.write().unwrap();
    guard.push(8);
    // #endregion push
    println!("{:?}", *guard);
}
