//! expect: runs
//!
//! Two ways to deadlock, shown without hanging: wherever `lock()` would
//! wait forever, this program calls `try_lock()` instead, which reports
//! that the lock is taken and returns at once.
//!
//! 1. One thread locking the same mutex twice.
//! 2. Two threads taking two mutexes in opposite orders. Numbered turns
//!    make both threads hold their first lock before either tries its
//!    second, so the run is the same every time.

use lesson_mutex::Turns;
use std::sync::{Mutex, TryLockError};
use std::thread;
use trace::LockOp;

/// What a `lock()` here would do, as `try_lock` finds out.
fn would_lock<T>(m: &Mutex<T>) -> &'static str {
    match m.try_lock() {
        Ok(_) => "would get the lock",
        Err(TryLockError::WouldBlock) => "WouldBlock: lock() would wait forever",
        Err(TryLockError::Poisoned(_)) => "poisoned",
    }
}

fn main() {
    // #region twice
    let data = Mutex::new(vec![1, 2]);
    let first = data.lock().unwrap();
    trace::step("main locks data");
    trace::mutex("data", LockOp::Acquire, &data);
    // let second = data.lock().unwrap(); // waits for `first`: forever
    trace::step("main asks for data again: it waits for itself");
    trace::mutex("data", LockOp::WouldBlock, &data);
    println!("main, second lock: {}", would_lock(&data));
    trace::step("main drops its guard");
    trace::mutex("data", LockOp::Release, &data);
    drop(first);
    // #endregion twice

    let a = Mutex::new("account a");
    let b = Mutex::new("account b");
    let turns = Turns::new(); // fixes the order of the numbered steps
    thread::scope(|s| {
        // #region t1
        let t1 = thread::Builder::new().name("t1".into());
        t1.spawn_scoped(s, || {
            let a_guard = turns.run(0, || {
                let guard = a.lock().unwrap(); // takes a
                trace::step("t1 locks a");
                trace::mutex("a", LockOp::Acquire, &a);
                guard
            });
            turns.run(2, || {
                trace::step("t1 wants b: held by t2");
                trace::mutex("b", LockOp::WouldBlock, &b);
                println!("t1 wants b: {}", would_lock(&b));
            });
            turns.run(4, || {
                trace::step("try_lock let them give up: t1 and t2 let go");
                trace::mutex("a", LockOp::Release, &a);
                drop(a_guard); // gives up
            });
        })
        .unwrap();
        // #endregion t1
        // #region t2
        let t2 = thread::Builder::new().name("t2".into());
        t2.spawn_scoped(s, || {
            let b_guard = turns.run(1, || {
                let guard = b.lock().unwrap(); // takes b
                trace::step("t2 locks b");
                trace::mutex("b", LockOp::Acquire, &b);
                guard
            });
            turns.run(3, || {
                trace::step("t2 wants a: held by t1. With lock(), both wait forever");
                trace::mutex("a", LockOp::WouldBlock, &a);
                println!("t2 wants a: {}", would_lock(&a));
            });
            turns.run(5, || {
                trace::mutex("b", LockOp::Release, &b);
                drop(b_guard); // gives up
            });
        })
        .unwrap();
        // #endregion t2
    });
    println!("both gave up: with lock() instead of try_lock(), neither would ever return");
}
