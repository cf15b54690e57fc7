//! expect: runs
//!
//! A read guard cannot be turned into a write guard. A thread that asks for
//! `write()` while it still holds `read()` never gets it (std says the call
//! may deadlock or panic); `try_write` shows the lock refusing, and dropping
//! the read guard first fixes it.

use std::collections::HashMap;
use std::sync::RwLock;

fn main() {
    let cache = RwLock::new(HashMap::from([("a", 1)]));
    // #region upgrade
    let reading = cache.read().unwrap();
    let missing = !reading.contains_key("b");
    // cache.write() here: never returns (deadlock or panic)
    println!("try_write while reading: {}", cache.try_write().is_ok());
    drop(reading); // let go of the read guard first ...
    if missing {
        let mut writing = cache.write().unwrap(); // ... then write
        writing.entry("b").or_insert(2); // check again: another writer may have won
    }
    // #endregion upgrade
    let mut keys: Vec<_> = cache.read().unwrap().keys().copied().collect();
    keys.sort();
    println!("keys: {keys:?}");
}
