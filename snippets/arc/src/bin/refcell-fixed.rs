//! expect: runs
//!
//! The live fix for `arc/refcell-across-threads`: swap `RefCell` for
//! `Mutex`, `borrow_mut()` for `lock().unwrap()`, and the program compiles.

use std::sync::{Arc, Mutex};
use std::thread;

fn main() {
    // #region spawn
    let hits = Arc::new(Mutex::new(0));
    let for_thread = Arc::clone(&hits);
    let handle = thread::spawn(move || {
        *for_thread.lock().unwrap() += 1;
    });
    // #endregion spawn
    handle.join().unwrap();
    println!("hits = {}", hits.lock().unwrap());
}
