//! expect: panics "already borrowed"
//!
//! `RefCell` checks the borrow rules while the program runs: a second
//! `borrow_mut` while the first guard is alive compiles, then panics.

use std::cell::RefCell;

fn main() {
    // #region twice
    let log = RefCell::new(Vec::new());
    let mut first = log.borrow_mut();
    first.push("saved");
    println!("first guard holds {} entry", first.len());
    log.borrow_mut().push("closed"); // the first guard is still alive
    // #endregion twice
    drop(first);
}
