//! expect: panics "RefCell already borrowed"
//!
//! The same aliasing as `fail/two-mut-borrows.rs`, through a `RefCell`: it
//! compiles, and the second `borrow_mut` panics at run time.

use std::cell::RefCell;
use trace::Borrow;

fn main() {
    // #region alias
    let log = RefCell::new(Vec::new());
    let mut first = log.borrow_mut();
    trace::step("first = log.borrow_mut(): the cell is exclusively borrowed");
    trace::refcell("log", "first", Borrow::Exclusive, &log);
    first.push("from first");
    println!("first pushed; asking for a second borrow_mut");
    trace::step("a second borrow_mut while first is alive: refused, the program panics");
    trace::refcell("log", "second", Borrow::Refused, &log);
    let mut second = log.borrow_mut();
    second.push("from second");
    // #endregion alias
    println!("never printed");
}
