//! expect: runs
//!
//! A quiz: the read guard made in a `match` scrutinee lives to the end of
//! the `match`, so a writer is refused inside its arms.

use std::collections::HashMap;
use std::sync::RwLock;

fn main() {
    // #region quiz
    let map = RwLock::new(HashMap::from([("user:1", 1)]));
    match map.read().unwrap().get("user:2") {
        Some(v) => println!("found {v}"),
        None => println!("missing; try_write: {}", map.try_write().is_ok()),
    }
    println!("after the match; try_write: {}", map.try_write().is_ok());
    // #endregion quiz
}
