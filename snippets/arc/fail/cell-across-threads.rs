//! expect: compile-error E0277
//!
//! A quiz: `refcell-across-threads` with a `Cell`: no borrow to check, but
//! still not `Sync`, so an `Arc` of it cannot go to another thread.

use std::cell::Cell;
use std::sync::Arc;
use std::thread;

fn main() {
    // #region quiz
    let hits = Arc::new(Cell::new(0));
    let for_thread = Arc::clone(&hits);
    let handle = thread::spawn(move || {
        for_thread.set(for_thread.get() + 1);
    });
    // #endregion quiz
    handle.join().unwrap();
    println!("hits = {}", hits.get());
}
