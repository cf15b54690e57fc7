//! expect: runs
//!
//! A quiz: a temporary guard, then a named one. The temporary is dropped at
//! the end of its statement; the named guard lives to the end of its scope,
//! whatever its last use.

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
    // #region quiz
    let score = Mutex::new(0);
    *score.lock().unwrap() += 10;
    println!("after the += line: lock {}", state(&score));
    let guard = score.lock().unwrap();
    let total = *guard + 5;
    println!("after the last use of guard: lock {}", state(&score));
    println!("total: {total}");
    // #endregion quiz
}
