//! expect: compile-error E0277
//!
//! `RefCell`'s borrow flag is a plain integer: two threads could both see
//! "unborrowed". So `RefCell` is not `Sync`, and sharing one is refused.

use std::cell::RefCell;
use std::thread;

fn main() {
    // #region threads
    let hits = RefCell::new(0);
    thread::scope(|s| {
        s.spawn(|| *hits.borrow_mut() += 1);
        s.spawn(|| *hits.borrow_mut() += 1);
    });
    // #endregion threads
    println!("{}", hits.borrow());
}
