//! expect: compile-error E0382
//!
//! First try at the counter: move the `Mutex` into each thread. The first
//! closure takes it; the second iteration finds it gone.

use std::sync::Mutex;
use std::thread;

fn main() {
    // #region moved
    let counter = Mutex::new(0);
    let mut handles = Vec::new();
    for _ in 0..8 {
        handles.push(thread::spawn(move || {
            *counter.lock().unwrap() += 1;
        }));
    }
    // #endregion moved
    for handle in handles {
        handle.join().unwrap();
    }
}
