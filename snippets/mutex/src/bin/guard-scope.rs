//! expect: runs
//!
//! `lock()` returns a guard; the data is reachable only through it, and the
//! lock is released when the guard is dropped: at the end of its scope, or
//! earlier with `drop`. `try_lock` shows whether the lock is taken.

use std::sync::Mutex;
use trace::LockOp;

/// What `try_lock` says about the mutex right now.
fn state<T>(m: &Mutex<T>) -> &'static str {
    if m.try_lock().is_ok() {
        "free"
    } else {
        "taken"
    }
}

fn main() {
    // #region scope
    let score = Mutex::new(0);
    {
        trace::step("lock() returns a guard: the mutex is taken");
        trace::mutex("score", LockOp::Wait, &score);
        let mut guard = score.lock().unwrap(); // MutexGuard<i32>
        trace::mutex("score", LockOp::Acquire, &score);
        *guard += 10; // DerefMut: change the data through the guard
        println!("inside the block: {} (lock {})", *guard, state(&score));
        trace::step("the block ends: the guard is dropped, the mutex is free");
        trace::mutex("score", LockOp::Release, &score);
    } // guard dropped here: unlocked
    println!("after the block: lock {}", state(&score));
    // #endregion scope

    // #region early
    trace::step("lock() again: a new guard");
    trace::mutex("score", LockOp::Wait, &score);
    let mut guard = score.lock().unwrap();
    trace::mutex("score", LockOp::Acquire, &score);
    *guard += 5;
    trace::step("drop(guard): unlocked before the end of main");
    trace::mutex("score", LockOp::Release, &score);
    drop(guard); // unlock now, not at the end of main
    println!("after drop(guard): lock {}", state(&score));
    println!("final score: {}", score.lock().unwrap());
    // #endregion early
}
