//! expect: runs
//!
//! A `Mutex` before any thread: `lock()` returns a guard, the data is
//! reached only through it, and the lock is free again when the guard is
//! dropped. Like `RefCell`, it changes data behind a shared reference; unlike
//! `RefCell`, a second `lock()` waits for the first instead of failing.

use std::sync::Mutex;

// #region single
fn main() {
    let notes = Mutex::new(Vec::new()); // no `mut`
    {
        let mut guard = notes.lock().unwrap();
        guard.push("first"); // DerefMut: a &mut Vec
        let free = notes.try_lock().is_ok();
        println!("while held, try_lock ok: {free}");
    } // guard dropped: unlocked
    notes.lock().unwrap().push("second");
    let free = notes.try_lock().is_ok();
    println!("after, try_lock ok: {free}");
    println!("{:?}", notes.lock().unwrap());
}
// #endregion single
