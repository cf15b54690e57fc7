//! expect: runs
//!
//! A `Mutex` before any thread: `lock()` returns a guard, the data is
//! reached only through it, and the lock is free again when the guard is
//! dropped. Like `RefCell`, it changes data behind a shared reference; unlike
//! `RefCell`, a second `lock()` waits for the first instead of failing.

use std::sync::Mutex;

// #region single
fn main() {
    let notes = Mutex::new(Vec::new()); // no `mut`: the Mutex gives access
    {
        let mut guard = notes.lock().unwrap(); // MutexGuard<Vec<&str>>
        guard.push("first"); // DerefMut: a `&mut Vec` through the guard
        println!("while held, try_lock: {}", notes.try_lock().is_ok());
    } // guard dropped: unlocked
    notes.lock().unwrap().push("second");
    println!("after, try_lock: {}", notes.try_lock().is_ok());
    println!("{:?}", notes.lock().unwrap());
}
// #endregion single
