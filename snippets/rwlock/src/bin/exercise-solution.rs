//! expect: runs
//! support: exercise solution, published with the exercises
//!
//! Solution of the `rwlock` exercise: reads share the lock; a miss drops the
//! read guard before asking for the write lock, then checks again, because
//! another thread may have stored the value in between. A poisoned lock is
//! read anyway: every write here leaves the map whole.

use std::collections::HashMap;
use std::sync::RwLock;

// #region task
#[derive(Default)]
struct Cache {
    map: RwLock<HashMap<String, u64>>,
}

impl Cache {
    fn get(&self, key: &str) -> Option<u64> {
        let map = self.map.read().unwrap_or_else(|p| p.into_inner());
        map.get(key).copied()
    }

    fn get_or_insert_with(&self, key: &str, make: impl FnOnce() -> u64) -> u64 {
        if let Some(value) = self.get(key) {
            return value; // the read guard is already gone here
        }
        let mut map = self.map.write().unwrap_or_else(|p| p.into_inner());
        *map.entry(key.to_string()).or_insert_with(make)
    }
}
// #endregion task

impl Cache {
    /// Stretch goal: `?` returns the error before anything is stored.
    fn get_or_try_insert_with<E>(
        &self,
        key: &str,
        make: impl FnOnce() -> Result<u64, E>,
    ) -> Result<u64, E> {
        if let Some(value) = self.get(key) {
            return Ok(value);
        }
        let mut map = self.map.write().unwrap_or_else(|p| p.into_inner());
        if let Some(&value) = map.get(key) {
            return Ok(value);
        }
        let value = make()?;
        map.insert(key.to_string(), value);
        Ok(value)
    }
}

fn main() {
    let cache = Cache::default();
    println!("{}", cache.get_or_insert_with("answer", || 42));
    println!("{:?}", cache.get("answer"));
    println!(
        "{:?}",
        cache.get_or_try_insert_with("other", || Err::<u64, _>("offline"))
    );
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
