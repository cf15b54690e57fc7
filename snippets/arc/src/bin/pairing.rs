//! expect: runs
//!
//! `Arc` shares, the lock inside decides who may change the value:
//! `Arc<Mutex<T>>` for one at a time, `Arc<RwLock<T>>` for many readers.

use std::sync::{Arc, Mutex, RwLock};
use std::thread;

fn main() {
    // #region mutex
    let log = Arc::new(Mutex::new(Vec::new()));
    let workers: Vec<_> = ["t1", "t2", "t3"]
        .into_iter()
        .map(|name| {
            let log = Arc::clone(&log);
            thread::spawn(move || log.lock().unwrap().push(name))
        })
        .collect();
    for w in workers {
        w.join().unwrap();
    }
    let mut lines = log.lock().unwrap().clone();
    lines.sort(); // threads finish in any order
    println!("log: {lines:?}");
    // #endregion mutex

    // #region rwlock
    let limits = Arc::new(RwLock::new(vec![10, 20]));
    let readers: Vec<_> = (0..3)
        .map(|_| {
            let limits = Arc::clone(&limits);
            thread::spawn(move || limits.read().unwrap().iter().sum::<i32>())
        })
        .collect();
    let sums: Vec<i32> = readers.into_iter().map(|r| r.join().unwrap()).collect();
    limits.write().unwrap().push(30);
    println!("sums read: {sums:?}, now {:?}", limits.read().unwrap());
    // #endregion rwlock
}
