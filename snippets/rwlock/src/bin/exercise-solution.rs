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

fn main() {
    let cache = Cache::default();
    println!("{}", cache.get_or_insert_with("answer", || 42));
    println!("{:?}", cache.get("answer"));
}

#[cfg(test)]
mod tests {
    use super::Cache;
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
    fn eight_threads_store_a_missing_key_once() {
        let cache = Cache::default();
        let made = AtomicUsize::new(0);
        let values: Vec<u64> = thread::scope(|s| {
            let workers: Vec<_> = (0..8)
                .map(|_| {
                    s.spawn(|| {
                        cache.get_or_insert_with("shared", || {
                            made.fetch_add(1, Ordering::SeqCst);
                            99
                        })
                    })
                })
                .collect();
            workers.into_iter().map(|w| w.join().unwrap()).collect()
        });
        assert!(values.iter().all(|&v| v == 99));
        assert_eq!(made.load(Ordering::SeqCst), 1);
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
