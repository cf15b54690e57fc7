//! expect: compile-error E0596
//! support: a quiz's wrong choice, the real outcome of `mut-read-guard` with a write guard and no `mut`
//!
//! A write guard lends `&mut`, but only through a binding declared `mut`.

use std::sync::RwLock;

fn main() {
    let prices = RwLock::new(vec![3, 5]);
    let guard = prices.write().unwrap();
    guard.push(8);
    println!("{:?}", *guard);
}
