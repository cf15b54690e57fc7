//! expect: runs
//!
//! A thread panics while it holds the guard, halfway through an update.
//! The mutex is then poisoned: every later `lock()` returns `Err`, so the
//! next user must decide whether the data can still be trusted. The
//! `PoisonError` still holds the guard (`into_inner`), and `clear_poison`
//! marks the data as repaired.

use std::sync::{Arc, Mutex};
use std::thread;
use trace::LockOp;

fn main() {
    // #region panic
    let balance = Arc::new(Mutex::new(100));
    let worker = {
        let balance = Arc::clone(&balance);
        thread::Builder::new().name("t1".into()).spawn(move || {
            trace::step("t1 locks balance");
            trace::mutex("balance", LockOp::Wait, &balance);
            let mut guard = balance.lock().unwrap();
            trace::mutex("balance", LockOp::Acquire, &balance);
            *guard -= 30; // first half of a transfer ...
            trace::step("t1 panics holding the guard: the mutex is poisoned");
            trace::mutex("balance", LockOp::Panic, &balance);
            panic!("crashed before crediting the other account");
        })
    };
    let ended = worker.unwrap().join(); // Err: the thread panicked
    println!("t1 ended normally: {}", ended.is_ok());
    println!("is_poisoned: {}", balance.is_poisoned());
    // #endregion panic

    // #region recover
    trace::step("main calls lock(): Err(PoisonError), with the guard inside");
    trace::mutex("balance", LockOp::Wait, &balance);
    let mut guard = match balance.lock() {
        Ok(guard) => guard,
        Err(poisoned) => {
            trace::mutex("balance", LockOp::Poisoned, &balance);
            println!("lock() returned Err(PoisonError)");
            poisoned.into_inner() // the guard, despite the poison
        }
    };
    trace::step("into_inner(): main holds the guard and repairs the data");
    trace::mutex("balance", LockOp::Acquire, &balance);
    *guard += 30; // repair: undo the half-done transfer
    println!("repaired balance: {}", *guard);
    trace::step("main drops the guard: still poisoned");
    trace::mutex("balance", LockOp::Release, &balance);
    drop(guard);
    balance.clear_poison();
    trace::step("clear_poison(): lock() returns Ok again");
    trace::mutex("balance", LockOp::Wait, &balance);
    let guard = balance.lock().unwrap(); // Ok now
    trace::mutex("balance", LockOp::Acquire, &balance);
    println!("after clear_poison: lock() is Ok, balance = {}", *guard);
    trace::mutex("balance", LockOp::Release, &balance);
    // #endregion recover
}
