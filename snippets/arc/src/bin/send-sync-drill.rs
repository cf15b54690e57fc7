//! expect: runs
//!
//! The "yes" answers of the Send/Sync drill: each line compiles only because
//! the type has the marker asked for. The "no" answers are the
//! must-not-compile snippet `arc/send-sync-drill-no`.

use std::sync::atomic::AtomicU64;
use std::sync::{Arc, Mutex, Weak};

fn send<T: Send + ?Sized>(_: &T, name: &str) {
    println!("{name:<14} Send");
}

fn sync<T: Sync + ?Sized>(_: &T, name: &str) {
    println!("{name:<14} Sync");
}

fn main() {
    // #region yes
    let words = vec![String::from("a")];
    send(&words, "Vec<String>");
    sync(&words, "Vec<String>");
    sync("text", "str");
    let counter = AtomicU64::new(0);
    sync(&counter, "AtomicU64");
    let shared = Arc::new(Mutex::new(0));
    let weak: Weak<Mutex<i32>> = Arc::downgrade(&shared);
    send(&weak, "sync::Weak");
    let guard = shared.lock().unwrap();
    sync(&guard, "MutexGuard");
    // #endregion yes
}
