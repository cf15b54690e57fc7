//! expect: runs
//!
//! A quiz: `move-into-threads` with scoped threads and no `move`: every
//! thread borrows the one `Mutex`, and the scope joins them before
//! `counter` goes.

use std::sync::Mutex;
use std::thread;

fn main() {
    // #region quiz
    let counter = Mutex::new(0);
    thread::scope(|s| {
        for _ in 0..8 {
            s.spawn(|| {
                *counter.lock().unwrap() += 1;
            });
        }
    });
    println!("count: {}", counter.lock().unwrap());
    // #endregion quiz
}
