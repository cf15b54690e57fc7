//! expect: compile-error E0277
//!
//! `Arc` makes the count thread-safe, not the value: `RefCell`'s borrow
//! flag is a plain integer, so `RefCell` is not `Sync` and
//! `Arc<RefCell<_>>` may not be sent to another thread.

use std::cell::RefCell;
use std::sync::Arc;
use std::thread;

fn main() {
    // #region spawn
    let hits = Arc::new(RefCell::new(0));
    let for_thread = Arc::clone(&hits);
    let handle = thread::spawn(move || {
        *for_thread.borrow_mut() += 1;
    });
    // #endregion spawn
    handle.join().unwrap();
    println!("hits = {}", hits.borrow());
}
