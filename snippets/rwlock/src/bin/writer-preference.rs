//! expect: runs (output varies)
//!
//! Does a waiting writer hold back new readers? The standard library leaves
//! that to the platform: the answer below is this machine's. A reader holds
//! the lock, a writer queues behind it, and the main thread, which still
//! holds that read guard, keeps calling `try_read` for up to 200 ms. If the writer's waiting makes `try_read`
//! fail, the lock prefers writers: readers cannot starve it. If `try_read`
//! keeps succeeding, a steady stream of readers could keep the writer out
//! for ever (writer starvation).

use std::sync::RwLock;
use std::thread;
use std::time::{Duration, Instant};

fn main() {
    let lock = RwLock::new(0);
    // #region probe
    let first_reader = lock.read().unwrap();
    let verdict = thread::scope(|s| {
        // a writer queues behind first_reader
        s.spawn(|| *lock.write().unwrap() += 1);
        let start = Instant::now();
        let mut verdict = "readers get in: writers can starve";
        while start.elapsed() < Duration::from_millis(200) {
            if lock.try_read().is_err() {
                verdict = "readers wait: no writer starvation";
                break;
            }
            thread::yield_now();
        }
        drop(first_reader); // let the writer finish
        verdict
    });
    // #endregion probe
    println!("on {}: {verdict}", std::env::consts::OS);
    println!("value after the writer: {}", lock.read().unwrap());
}
