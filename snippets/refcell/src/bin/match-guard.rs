//! expect: panics "already borrowed"
//!
//! The `Ref` returned by `cache.borrow()` is a temporary in the expression
//! the `match` looks at: it lives until the `match` ends, arms included, so
//! the `borrow_mut` in the `None` arm finds the cell still borrowed.

use std::cell::RefCell;
use std::collections::HashMap;

fn main() {
    // #region scrutinee
    let cache = RefCell::new(HashMap::<u32, u32>::new());
    let key = 7;
    match cache.borrow().get(&key).copied() {
        Some(hit) => println!("hit {hit}"),
        None => {
            // still borrowed: panics
            cache.borrow_mut().insert(key, key * key);
        }
    }
    // #endregion scrutinee
    println!("{:?}", cache.borrow().get(&key));
}
