//! expect: runs
//!
//! A cache shared by threads: `Arc<RwLock<HashMap<..>>>`. Lookups take the
//! read lock, so they run side by side; a miss takes the write lock and
//! checks again, because another thread may have filled the entry while this
//! one waited. Each key is loaded once however the threads interleave.

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, RwLock};
use std::thread;

#[derive(Default)]
pub struct Cache {
    map: RwLock<HashMap<String, Arc<str>>>,
    loads: AtomicUsize,
}

// #region cache
impl Cache {
    pub fn get_or_load(&self, key: &str, load: impl FnOnce() -> String) -> Arc<str> {
        if let Some(v) = self.map.read().unwrap().get(key) {
            return Arc::clone(v); // read lock: many readers at once
        }
        let mut map = self.map.write().unwrap(); // one writer, no readers
        let value = map.entry(key.to_string()).or_insert_with(|| {
            self.loads.fetch_add(1, Ordering::Relaxed);
            Arc::from(load())
        });
        Arc::clone(value)
    }
}
// #endregion cache

fn main() {
    // #region use
    let cache = Arc::new(Cache::default());
    let handles: Vec<_> = (0..8)
        .map(|i| {
            let cache = Arc::clone(&cache);
            let key = if i % 2 == 0 { "user:1" } else { "user:2" };
            thread::Builder::new()
                .name(format!("worker-{i}"))
                .spawn(move || cache.get_or_load(key, || format!("profile of {key}")))
                .unwrap()
        })
        .collect();
    let mut seen: Vec<_> = handles.into_iter().map(|h| h.join().unwrap()).collect();
    seen.sort();
    seen.dedup();
    println!("values: {seen:?}");
    println!("loads: {}", cache.loads.load(Ordering::Relaxed));
    // #endregion use
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_key_loads_once_under_contention() {
        for _ in 0..20 {
            let cache = Arc::new(Cache::default());
            thread::scope(|s| {
                for i in 0..16 {
                    let cache = &cache;
                    s.spawn(move || cache.get_or_load(&format!("k{}", i % 4), || i.to_string()));
                }
            });
            assert_eq!(cache.loads.load(Ordering::Relaxed), 4);
        }
    }
}
