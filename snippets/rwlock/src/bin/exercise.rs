//! expect: panics "not yet implemented"
//!
//! Exercise: a cache that many threads read and a few threads fill.
//!
//! Finish `Cache`: `get` takes a read lock; `get_or_insert_with` returns
//! the cached value, or computes it with `make` and stores it, under a
//! write lock. Beware: asking for `write()` while this thread still holds a
//! read guard waits forever. The solution's tests check that:
//! - a stored value comes back from `get`, and `make` runs only on a miss;
//! - eight threads asking for the same missing key store it once and all
//!   get the same value;
//! - a poisoned cache (a thread panicked while writing) is still readable.

use std::collections::HashMap;
use std::sync::RwLock;

// #region task
#[derive(Default)]
struct Cache {
    map: RwLock<HashMap<String, u64>>,
}

impl Cache {
    fn get(&self, key: &str) -> Option<u64> {
        let _ = (&self.map, key);
        todo!("read lock, look up, copy the value out")
    }

    fn get_or_insert_with(&self, key: &str, make: impl FnOnce() -> u64) -> u64 {
        let _ = (key, make);
        todo!("try get() first; on a miss, write lock and check again")
    }
}
// #endregion task

fn main() {
    let cache = Cache::default();
    println!("{}", cache.get_or_insert_with("answer", || 42));
    println!("{:?}", cache.get("answer"));
}
