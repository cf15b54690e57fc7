//! expect: compile-error E0596
//!
//! A read guard derefs to `&T` only: it implements `Deref` but not
//! `DerefMut`, so changing the data through it does not compile.

use std::sync::RwLock;

fn main() {
    // #region push
    let prices = RwLock::new(vec![3, 5]);
    let guard = prices.read().unwrap();
    guard.push(8); // needs a write guard
    // #endregion push
    println!("{:?}", *guard);
}
