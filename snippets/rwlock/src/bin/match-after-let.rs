//! expect: runs
//! support: a quiz's wrong choice, the real outcome of `match-holds-read` with the lookup in a `let` first
//!
//! The guard is a temporary of the `let`, released at its `;`.

use std::collections::HashMap;
use std::sync::RwLock;

fn main() {
    let map = RwLock::new(HashMap::from([("user:1", 1)]));
    let found = map.read().unwrap().get("user:2").copied();
    match found {
        Some(v) => println!("found {v}"),
        None => println!("missing; try_write: {}", map.try_write().is_ok()),
    }
    println!("after the match; try_write: {}", map.try_write().is_ok());
}
