//! expect: compile-error E0277
//!
//! A `MutexGuard` must be dropped on the thread that locked: some platforms
//! require the unlocking thread to be the locking one. So it is not `Send`.

use std::sync::Mutex;
use std::thread;

fn main() {
    // #region guard
    let data = Mutex::new(0);
    let guard = data.lock().unwrap();
    thread::scope(|s| {
        s.spawn(move || drop(guard)); // unlock on another thread?
    });
    // #endregion guard
}
