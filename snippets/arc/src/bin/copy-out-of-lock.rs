//! expect: runs
//!
//! A quiz: `refcell-fixed` with the value copied out of the guard: `n` is
//! an `i32` of the thread's own, and the one in the mutex never changes.

use std::sync::{Arc, Mutex};
use std::thread;

fn main() {
    // #region quiz
    let hits = Arc::new(Mutex::new(0));
    let for_thread = Arc::clone(&hits);
    let handle = thread::spawn(move || {
        let mut n = *for_thread.lock().unwrap();
        n += 1;
        n
    });
    let seen = handle.join().unwrap();
    println!("thread saw {seen}, hits = {}", hits.lock().unwrap());
    // #endregion quiz
}
