//! expect: runs
//!
//! The classic shared counter: eight threads, each adding 1 000 times.
//! `Arc` gives every thread an owner's handle, `Mutex` lets one thread at a
//! time change the value, so no increment is lost.

use std::sync::{Arc, Mutex};
use std::thread;

fn main() {
    // #region counter
    let counter = Arc::new(Mutex::new(0));
    let mut handles = Vec::new();
    for _ in 0..8 {
        let counter = Arc::clone(&counter);
        handles.push(thread::spawn(move || {
            for _ in 0..1_000 {
                *counter.lock().unwrap() += 1;
            }
        }));
    }
    for handle in handles {
        handle.join().unwrap();
    }
    println!("total: {}", *counter.lock().unwrap());
    // #endregion counter
}
