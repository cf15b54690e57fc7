//! expect: runs
//!
//! A `Condvar` lets a thread sleep until another one changes the data under
//! a `Mutex`. `wait_while` releases the lock while it sleeps, takes it again
//! on waking and re-checks the condition, so a spurious wake-up is harmless.

use std::sync::{Condvar, Mutex};
use std::thread;

/// The data, and the signal that it changed.
type Queue = (Mutex<Vec<u32>>, Condvar);

// #region producer
fn produce(state: &Queue) {
    let (jobs, ready) = state;
    for job in 1..=3 {
        jobs.lock().unwrap().push(job);
        // wake one waiting thread
        ready.notify_one();
    }
}
// #endregion producer

// #region consumer
fn consume(state: &Queue) -> Vec<u32> {
    let (jobs, ready) = state;
    let mut done = Vec::new();
    while done.len() < 3 {
        let guard = jobs.lock().unwrap();
        // asleep, lock released, until not empty
        let woken = ready.wait_while(guard, |q| q.is_empty());
        let mut queue = woken.unwrap(); // locked again
        done.append(&mut queue);
    }
    done
}
// #endregion consumer

// #region main
fn main() {
    let state: Queue = (Mutex::new(Vec::new()), Condvar::new());
    let done = thread::scope(|s| {
        s.spawn(|| produce(&state));
        consume(&state)
    });
    println!("consumed: {done:?}");
}
// #endregion main
