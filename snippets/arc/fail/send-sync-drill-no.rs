//! expect: compile-error E0277
//!
//! The "no" answers of the Send/Sync drill: every call asks for a marker the
//! type does not have, and rustc refuses each one with E0277.

use std::cell::Cell;
use std::rc::Rc;
use std::sync::Mutex;

fn send<T: Send>(_: &T) {}
fn sync<T: Sync>(_: &T) {}

fn main() {
    // #region no
    send(&Rc::new(1)); // Rc: not Send
    sync(&Cell::new(1)); // Cell: not Sync
    let lock = Mutex::new(1);
    send(&lock.lock().unwrap()); // MutexGuard: not Send
    let raw: *const u8 = std::ptr::null();
    sync(&raw); // raw pointer: not Sync

    // #endregion no
}
