//! expect: compile-error E0277
//!
//! A quiz: `rc-mutex` turned inside out: `Arc<Mutex<Rc<i32>>>`. A `Mutex`
//! is `Sync` only when what it holds is `Send`, and an `Rc` is not.

use std::rc::Rc;
use std::sync::{Arc, Mutex};
use std::thread;

fn main() {
    // #region quiz
    let counter = Arc::new(Mutex::new(Rc::new(0)));
    let mut handles = Vec::new();
    for _ in 0..8 {
        let counter = Arc::clone(&counter);
        handles.push(thread::spawn(move || {
            let mut n = counter.lock().unwrap();
            *n = Rc::new(**n + 1);
        }));
    }
    // #endregion quiz
    for handle in handles {
        handle.join().unwrap();
    }
}
