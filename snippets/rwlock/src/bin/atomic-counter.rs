//! expect: runs
//!
//! A counter every request increments needs neither `Mutex` nor `RwLock`:
//! one atomic read-modify-write (`fetch_add`) per increment, no lock.

use std::sync::atomic::{AtomicU64, Ordering};
use std::thread;

// #region counter
static REQUESTS: AtomicU64 = AtomicU64::new(0);

fn handle_request() {
    // a count: no other data to order, so Relaxed
    REQUESTS.fetch_add(1, Ordering::Relaxed);
}

fn main() {
    thread::scope(|s| {
        for _ in 0..8 {
            s.spawn(|| (0..1000).for_each(|_| handle_request()));
        }
    });
    println!("requests: {}", REQUESTS.load(Ordering::Relaxed));
}
// #endregion counter
