//! expect: runs
//!
//! `Arc` shares, the lock inside decides who may change the value:
//! `Arc<Mutex<T>>` for one at a time, `Arc<RwLock<T>>` for many readers.

use std::sync::{Arc, Mutex, RwLock};
use std::thread;

fn main() {
    // #region mutex
    let log = Arc::new(Mutex::new(Vec::new()));
    let mut workers = Vec::new();
    for name in ["t1", "t2", "t3"] {
        let log = Arc::clone(&log);
        workers.push(thread::spawn(move || {
            log.lock().unwrap().push(name);
        }));
    }
    for w in workers {
        w.join().unwrap();
    }
    let mut lines = log.lock().unwrap().clone();
    lines.sort(); // threads end in any order
    println!("log: {lines:?}");
    // #endregion mutex

    // #region rwlock
    let limits = Arc::new(RwLock::new(vec![10, 20]));
    let mut readers = Vec::new();
    for _ in 0..3 {
        let limits = Arc::clone(&limits);
        readers.push(thread::spawn(move || {
            limits.read().unwrap().iter().sum::<i32>()
        }));
    }
    let mut sums = Vec::new();
    for r in readers {
        sums.push(r.join().unwrap());
    }
    limits.write().unwrap().push(30);
    let now = limits.read().unwrap();
    println!("sums: {sums:?}, now {now:?}");
    // #endregion rwlock
}
