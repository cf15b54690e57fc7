//! expect: compile-error E0277
//!
//! Second try: share the `Mutex` with `Rc`. The lock is fine; the count in
//! `Rc` is not atomic, so `Rc<Mutex<_>>` is not `Send`.

use std::rc::Rc;
use std::sync::Mutex;
use std::thread;

fn main() {
    // #region rc
    let counter = Rc::new(Mutex::new(0));
    let mut handles = Vec::new();
    for _ in 0..8 {
        let counter = Rc::clone(&counter);
        handles.push(thread::spawn(move || {
            *counter.lock().unwrap() += 1;
        }));
    }
    // #endregion rc
    for handle in handles {
        handle.join().unwrap();
    }
}
