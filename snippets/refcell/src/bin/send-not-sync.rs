//! expect: runs
//!
//! `RefCell<T>` is `Send` when `T` is: a cell may move to another thread,
//! which then owns it alone. It is not `Sync`: two threads may not share
//! one (`fail/refcell-not-sync.rs`).

use std::cell::RefCell;
use std::thread;

fn main() {
    // #region moved
    let log = RefCell::new(vec!["made on main"]);
    let worker = thread::spawn(move || {
        // the worker is the only owner now
        log.borrow_mut().push("changed on the worker");
        log.into_inner()
    });
    println!("{:?}", worker.join().unwrap());
    // #endregion moved
}
