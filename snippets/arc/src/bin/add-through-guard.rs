//! expect: runs
//! support: a quiz's wrong choice, the real outcome of `copy-out-of-lock` keeping the guard
//!
//! `n` is the guard: `*n += 1` changes the value in the mutex.

use std::sync::{Arc, Mutex};
use std::thread;

fn main() {
    let hits = Arc::new(Mutex::new(0));
    let for_thread = Arc::clone(&hits);
    let handle = thread::spawn(move || {
        let mut n = for_thread.lock().unwrap();
        *n += 1;
        *n
    });
    let seen = handle.join().unwrap();
    println!("thread saw {seen}, hits = {}", hits.lock().unwrap());
}
