//! expect: runs
//! support: replayed by `<LockTimeline snippet="mutex/contention" />` (the kit's browser test); the mutex deck may show it
//!
//! Three threads contend for one `Mutex`, in the same order on every run.
//! For the mutex deck: `<LockTimeline snippet="mutex/contention" />` shows
//! it in seven clicks: t1 holds the lock; t2 calls `lock()` and blocks;
//! t3's `try_lock()` is refused at once (`WouldBlock`); t1 releases and t2,
//! blocked until then, gets the lock; t2 releases; t3 locks; t3 releases.
//! Channels fix the order: each thread acts only after the one before has
//! done what the slide shows (a thread blocked in `lock()` blocks for real).

use std::sync::mpsc;
use std::sync::{Mutex, TryLockError};
use std::thread;
use trace::LockOp;

/// Runs the scene; returns who wrote to the log, in order, and whether
/// t3's `try_lock` was refused while t1 held the lock.
fn contend() -> (Vec<&'static str>, bool) {
    // #region threads
    let log = Mutex::new(Vec::new());
    let (t1_holds, t2_may_ask) = mpsc::channel();
    let (t2_asked, t1_hears_t2) = mpsc::channel();
    let (t3_may_try, t3_go) = mpsc::channel();
    let (t3_tried, t1_hears_t3) = mpsc::channel();
    let (t2_done, t3_may_lock) = mpsc::channel();
    let refused = thread::scope(|s| {
        let log = &log;
        let t1 = thread::Builder::new().name("t1".into());
        t1.spawn_scoped(s, move || {
            trace::step("t1 calls lock() and gets it: the mutex was free");
            trace::mutex("log", LockOp::Wait, log);
            let mut guard = log.lock().unwrap();
            trace::mutex("log", LockOp::Acquire, log);
            guard.push("t1");
            t1_holds.send(()).unwrap();
            t1_hears_t2.recv().unwrap(); // t2 is in lock() now
            t3_may_try.send(()).unwrap();
            t1_hears_t3.recv().unwrap(); // t3 was refused
            trace::step("t1 drops its guard; t2, blocked until now, gets the lock");
            trace::mutex("log", LockOp::Release, log);
            drop(guard);
        })
        .unwrap();
        let t2 = thread::Builder::new().name("t2".into());
        t2.spawn_scoped(s, move || {
            t2_may_ask.recv().unwrap();
            trace::step("t2 calls lock() while t1 holds it: t2 blocks");
            trace::mutex("log", LockOp::Wait, log);
            t2_asked.send(()).unwrap();
            let mut guard = log.lock().unwrap(); // blocks until t1 lets go
            trace::mutex("log", LockOp::Acquire, log);
            guard.push("t2");
            trace::step("t2 drops its guard: the mutex is free");
            trace::mutex("log", LockOp::Release, log);
            drop(guard);
            t2_done.send(()).unwrap();
        })
        .unwrap();
        let t3 = thread::Builder::new().name("t3".into());
        let t3 = t3
            .spawn_scoped(s, move || {
                t3_go.recv().unwrap();
                trace::step("t3 calls try_lock(): WouldBlock at once, no waiting");
                let refused = matches!(log.try_lock(), Err(TryLockError::WouldBlock));
                trace::mutex("log", LockOp::WouldBlock, log);
                t3_tried.send(()).unwrap();
                t3_may_lock.recv().unwrap();
                trace::step("t3 calls lock() again and gets it");
                trace::mutex("log", LockOp::Wait, log);
                let mut guard = log.lock().unwrap();
                trace::mutex("log", LockOp::Acquire, log);
                guard.push("t3");
                trace::step("t3 drops its guard; every thread got its turn");
                trace::mutex("log", LockOp::Release, log);
                drop(guard);
                refused
            })
            .unwrap();
        t3.join().unwrap()
    });
    // #endregion threads
    (log.into_inner().unwrap(), refused)
}

fn main() {
    let (order, refused) = contend();
    println!("t3's try_lock refused: {refused}");
    println!("writers in order: {}", order.join(", "));
}

#[cfg(test)]
mod tests {
    #[test]
    fn threads_take_their_turns_and_try_lock_is_refused() {
        let (order, refused) = super::contend();
        assert_eq!(order, ["t1", "t2", "t3"]);
        assert!(refused);
    }
}
