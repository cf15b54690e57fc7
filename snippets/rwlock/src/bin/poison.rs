//! expect: runs
//!
//! `RwLock` is poisoned the same way as `Mutex`, but only by a writer: a
//! thread that panics while holding a read guard cannot have left the data
//! half-changed, so readers' panics do not poison it.

use std::sync::{Arc, RwLock};
use std::thread;
use trace::{LockOp, Mode};

fn main() {
    let settings = Arc::new(RwLock::new(String::from("volume=5")));

    // #region reader-panics
    let reader = {
        let settings = Arc::clone(&settings);
        thread::Builder::new().name("r1".into()).spawn(move || {
            let guard = settings.read().unwrap();
            trace::rwlock("settings", Mode::Read, LockOp::Acquire, &settings);
            // Unwinding drops the read guard; a reader does not poison.
            trace::rwlock("settings", Mode::Read, LockOp::Release, &settings);
            panic!("reader gave up on {guard:?}");
        })
    };
    reader.unwrap().join().unwrap_err();
    println!(
        "after a reader's panic: is_poisoned = {}",
        settings.is_poisoned()
    );
    // #endregion reader-panics

    // #region writer-panics
    let writer = {
        let settings = Arc::clone(&settings);
        thread::Builder::new().name("w".into()).spawn(move || {
            let mut guard = settings.write().unwrap();
            trace::rwlock("settings", Mode::Write, LockOp::Acquire, &settings);
            guard.clear(); // half of a rewrite ...
            trace::rwlock("settings", Mode::Write, LockOp::Panic, &settings);
            panic!("writer crashed mid-rewrite");
        })
    };
    writer.unwrap().join().unwrap_err();
    println!(
        "after a writer's panic: is_poisoned = {}",
        settings.is_poisoned()
    );
    // #endregion writer-panics

    // #region recover
    let text = match settings.read() {
        Ok(guard) => guard.clone(),
        Err(poisoned) => {
            trace::rwlock("settings", Mode::Read, LockOp::Poisoned, &settings);
            poisoned.into_inner().clone() // look anyway
        }
    };
    println!("read anyway: {text:?}");
    if text.is_empty() {
        let mut guard = settings.write().unwrap_or_else(|p| p.into_inner());
        trace::rwlock("settings", Mode::Write, LockOp::Acquire, &settings);
        *guard = String::from("volume=5"); // restore a known-good value
        trace::rwlock("settings", Mode::Write, LockOp::Release, &settings);
        drop(guard);
        settings.clear_poison();
    }
    println!(
        "repaired: {:?}, is_poisoned = {}",
        settings.read().unwrap(),
        settings.is_poisoned()
    );
    // #endregion recover
}
