//! expect: runs
//!
//! A `Condvar` lets a thread sleep until another one changes the data under
//! a `Mutex`. `wait_while` releases the lock while it sleeps, takes it again
//! on waking and re-checks the condition, so a spurious wake-up is harmless.

use std::sync::{Arc, Condvar, Mutex};
use std::thread;

// #region condvar
fn main() {
    let state = Arc::new((Mutex::new(Vec::<u32>::new()), Condvar::new()));

    let producer = {
        let state = Arc::clone(&state);
        thread::spawn(move || {
            let (jobs, ready) = &*state;
            for job in 1..=3 {
                jobs.lock().unwrap().push(job);
                ready.notify_one(); // wake a waiting consumer
            }
        })
    };

    let (jobs, ready) = &*state;
    let mut done = Vec::new();
    while done.len() < 3 {
        // sleeps with the lock released until the queue is not empty
        let mut queue = ready
            .wait_while(jobs.lock().unwrap(), |q| q.is_empty())
            .unwrap();
        done.append(&mut queue); // take everything while holding the lock
    }
    producer.join().unwrap();
    println!("consumed: {done:?}");
}
// #endregion condvar
