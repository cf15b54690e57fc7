//! expect: test-fails "not yet implemented"
//!
//! Exercise: a cache that many threads read and a few threads fill.
//!
//! Finish `Cache`: `get` takes a read lock; `get_or_insert_with` returns
//! the cached value, or computes it with `make` and stores it, under a
//! write lock. Beware: asking for `write()` while this thread still holds a
//! read guard waits forever. `cargo test` runs the tests that check that:
//! - a stored value comes back from `get`, and `make` runs only on a miss;
//! - eight threads asking for the same missing keys store each once and
//!   all get the stored value;
//! - a poisoned cache (a thread panicked while writing) is still readable.
//!
//! Stretch: `get_or_try_insert_with` takes a `make` that may fail: an `Err`
//! is returned and nothing is stored (`cargo test -- --ignored`).

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

impl Cache {
    fn get_or_try_insert_with<E>(
        &self,
        key: &str,
        make: impl FnOnce() -> Result<u64, E>,
    ) -> Result<u64, E> {
        let _ = (key, make);
        todo!("stretch goal")
    }
}

/// The stretch goal runs only when asked: `cargo run -p rwlock-exercise -- stretch`.
fn stretch() -> bool {
    std::env::args().any(|arg| arg == "stretch")
}
fn main() {
    let cache = Cache::default();
    println!("{}", cache.get_or_insert_with("answer", || 42));
    println!("{:?}", cache.get("answer"));
    if stretch() {
        println!(
            "{:?}",
            cache.get_or_try_insert_with("other", || Err::<u64, _>("offline"))
        );
    }
}

#[cfg(test)]
mod tests {
    use super::Cache;
    use std::sync::Barrier;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::thread;

    #[test]
    fn stored_values_come_back_and_make_runs_only_on_a_miss() {
        let cache = Cache::default();
        assert_eq!(cache.get("k"), None);
        assert_eq!(cache.get_or_insert_with("k", || 7), 7);
        assert_eq!(cache.get_or_insert_with("k", || panic!("not a miss")), 7);
        assert_eq!(cache.get("k"), Some(7));
    }

    #[test]
    fn eight_threads_store_each_missing_key_once() {
        let cache = Cache::default();
        let made = AtomicUsize::new(0);
        let start = Barrier::new(8);
        thread::scope(|s| {
            for _ in 0..8 {
                s.spawn(|| {
                    start.wait(); // all eight ask for the same keys at once
                    for k in 0..50 {
                        let value = cache.get_or_insert_with(&format!("k{k}"), || {
                            made.fetch_add(1, Ordering::SeqCst);
                            k
                        });
                        assert_eq!(value, k);
                    }
                });
            }
        });
        assert_eq!(made.load(Ordering::SeqCst), 50, "one make() per key");
    }

    #[test]
    #[ignore = "stretch goal"]
    fn a_failed_make_stores_nothing() {
        let cache = Cache::default();
        assert_eq!(
            cache.get_or_try_insert_with("k", || Err("offline")),
            Err("offline")
        );
        assert_eq!(cache.get("k"), None);
        assert_eq!(
            cache.get_or_try_insert_with("k", || Ok::<_, &str>(5)),
            Ok(5)
        );
        assert_eq!(
            cache.get_or_try_insert_with("k", || Err("not called")),
            Ok(5)
        );
    }

    #[test]
    fn a_poisoned_cache_is_still_readable() {
        let cache = Cache::default();
        cache.get_or_insert_with("k", || 1);
        thread::scope(|s| {
            s.spawn(|| {
                let _guard = cache.map.write().unwrap();
                panic!("writer fails");
            })
            .join()
            .unwrap_err();
        });
        assert!(cache.map.is_poisoned());
        assert_eq!(cache.get("k"), Some(1));
        assert_eq!(cache.get_or_insert_with("j", || 2), 2);
    }
}
