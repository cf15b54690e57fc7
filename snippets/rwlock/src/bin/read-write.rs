//! expect: runs
//!
//! Many readers or one writer. Two readers hold read guards at the same
//! time; a writer asks for the lock and waits until both are gone; a reader
//! who comes while the writer holds it is refused by `try_read`. Numbered
//! turns fix the order of the steps, so the run is the same every time;
//! the writer's `write()` really blocks between its turns.

use lesson_rwlock::Turns;
use std::sync::RwLock;
use std::thread;
use std::time::Duration;
use trace::{LockOp, Mode};

fn main() {
    let prices = RwLock::new(vec![3, 5]);
    let turns = Turns::new();
    thread::scope(|s| {
        // #region readers
        for (name, first, last) in [("r1", 0, 4), ("r2", 1, 5)] {
            let (prices, turns) = (&prices, &turns);
            let reader = thread::Builder::new().name(name.into());
            reader
                .spawn_scoped(s, move || {
                    let guard = turns.run(first, || {
                        // shared: both readers get in
                        let guard = prices.read().unwrap();
                        trace::step(&format!("{name} takes a read guard"));
                        trace::rwlock("prices", Mode::Read, LockOp::Acquire, prices);
                        println!("{name} reads {:?}", *guard);
                        guard
                    });
                    turns.run(last, || {
                        // the writer is waiting
                        thread::sleep(Duration::from_millis(20));
                        trace::step(&format!("{name} drops its read guard"));
                        trace::rwlock("prices", Mode::Read, LockOp::Release, prices);
                        drop(guard);
                    });
                })
                .unwrap();
        }
        // #endregion readers
        // #region writer
        let writer = thread::Builder::new().name("w".into());
        writer
            .spawn_scoped(s, || {
                turns.run(2, || {
                    let refused = prices.try_write().is_err();
                    trace::step("w: try_write() is refused while readers hold it");
                    trace::rwlock("prices", Mode::Write, LockOp::WouldBlock, &prices);
                    println!("w: try_write while two readers hold it: refused = {refused}");
                });
                // #region blocks
                turns.run(3, || {
                    trace::step("w calls write(): it blocks");
                    trace::rwlock("prices", Mode::Write, LockOp::Wait, &prices);
                    println!("w: calling write()");
                });
                let mut guard = prices.write().unwrap(); // blocks until r1 and r2 are gone
                turns.run(6, || {
                    trace::step("the last reader is gone: w's write() returns");
                    trace::rwlock("prices", Mode::Write, LockOp::Acquire, &prices);
                    guard.push(8);
                    println!("w writes {:?}", *guard);
                });
                // #endregion blocks
                turns.run(8, || {
                    trace::step("w drops its write guard");
                    trace::rwlock("prices", Mode::Write, LockOp::Release, &prices);
                    drop(guard);
                });
            })
            .unwrap();
        // #endregion writer
        // #region late
        let late = thread::Builder::new().name("r3".into());
        late.spawn_scoped(s, || {
            turns.run(7, || {
                let refused = prices.try_read().is_err();
                trace::step("r3: try_read() is refused while w writes");
                trace::rwlock("prices", Mode::Read, LockOp::WouldBlock, &prices);
                println!("r3: try_read while w holds it: refused = {refused}");
            });
            turns.run(9, || {
                let guard = prices.read().unwrap();
                trace::step("r3 reads the new value");
                trace::rwlock("prices", Mode::Read, LockOp::Acquire, &prices);
                println!("r3 reads {:?}", *guard);
                trace::step("r3 drops its read guard");
                trace::rwlock("prices", Mode::Read, LockOp::Release, &prices);
                drop(guard);
            });
        })
        .unwrap();
        // #endregion late
    });
}
