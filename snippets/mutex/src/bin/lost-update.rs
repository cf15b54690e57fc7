//! expect: runs
//!
//! `counter.rs` with the read and the write under two separate locks.
//! Every access goes through the mutex, so there is no data race and it
//! compiles. But both threads read 0 before either writes, and one
//! increment is lost: a race condition. The `Barrier` makes that
//! interleaving happen on every run.

use std::sync::{Arc, Barrier, Mutex};
use std::thread;

fn main() {
    // #region race
    let counter = Arc::new(Mutex::new(0));
    let both_read = Arc::new(Barrier::new(2));
    let mut handles = Vec::new();
    for _ in 0..2 {
        let (counter, both_read) = (Arc::clone(&counter), Arc::clone(&both_read));
        handles.push(thread::spawn(move || {
            let n = *counter.lock().unwrap(); // lock, copy, unlock
            both_read.wait(); // the other thread reads too
            *counter.lock().unwrap() = n + 1; // lock again, write
        }));
    }
    for handle in handles {
        handle.join().unwrap();
    }
    println!("2 increments, total: {}", *counter.lock().unwrap());
    // #endregion race
}
