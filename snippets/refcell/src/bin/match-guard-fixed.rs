//! expect: runs
//!
//! `match-guard.rs` with the lookup in its own `let`: the `Ref` is dropped
//! at that statement's `;`, before the `match` borrows mutably.

use std::cell::RefCell;
use std::collections::HashMap;

fn main() {
    // #region fixed
    let cache = RefCell::new(HashMap::<u32, u32>::new());
    let key = 7;
    // the Ref is dropped at this `;`
    let found = cache.borrow().get(&key).copied();
    match found {
        Some(hit) => println!("hit {hit}"),
        None => {
            cache.borrow_mut().insert(key, key * key);
        }
    }
    // #endregion fixed
    println!("{:?}", cache.borrow().get(&key));
}
