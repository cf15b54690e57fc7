//! expect: runs
//! support: a quiz's wrong choice, the real outcome of `guard-last-use` with `drop(guard)` after its last use
//!
//! Dropping the guard by hand unlocks the mutex at once.

use std::sync::Mutex;

/// What `try_lock` says about the mutex right now.
fn state<T>(m: &Mutex<T>) -> &'static str {
    if m.try_lock().is_ok() {
        "free"
    } else {
        "taken"
    }
}

fn main() {
    let score = Mutex::new(0);
    *score.lock().unwrap() += 10;
    println!("after the += line: lock {}", state(&score));
    let guard = score.lock().unwrap();
    let total = *guard + 5;
    drop(guard);
    println!("after the last use of guard: lock {}", state(&score));
    println!("total: {total}");
}
