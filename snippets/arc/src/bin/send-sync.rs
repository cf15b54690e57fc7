//! expect: runs
//!
//! `Send`: a value may move to another thread. `Sync`: a `&T` may be used
//! from several threads at once (`T: Sync` exactly when `&T: Send`).
//! Each line below compiles only because the type has the marker the
//! function asks for; the "no" cells of the slide's table are the
//! must-not-compile snippets `rc/rc-across-threads`,
//! `refcell/refcell-not-sync` and `arc/guard-not-send`.

use std::cell::{Cell, RefCell};
use std::sync::{Arc, Mutex, RwLock};

/// Compiles only for a `T: Send`; `name` is the label printed.
fn send<T: Send>(_: &T, name: &str) {
    println!("{name:<16} Send");
}

/// Compiles only for a `T: Sync`.
fn sync<T: Sync>(_: &T, name: &str) {
    println!("{name:<16} Sync");
}

fn main() {
    // #region proofs
    send(&Cell::new(1), "Cell<i32>");
    send(&RefCell::new(1), "RefCell<i32>");
    let mutex = Mutex::new(Cell::new(1));
    send(&mutex, "Mutex<Cell>");
    sync(&mutex, "Mutex<Cell>");
    let rwlock = RwLock::new(1);
    sync(&rwlock, "RwLock<i32>");
    let shared = Arc::new(Mutex::new(1));
    send(&shared, "Arc<Mutex<i32>>");
    sync(&shared, "Arc<Mutex<i32>>");
    let guard = shared.lock().unwrap();
    sync(&guard, "MutexGuard<i32>");
    // #endregion proofs
}
