//! expect: runs
//!
//! The live-coding fix for `double-borrow`: the first guard lives in its
//! own block, so it is released before the second one is taken.

use std::cell::RefCell;
use trace::Borrow;

fn main() {
    // #region fixed
    let log = RefCell::new(Vec::new());
    {
        let mut first = log.borrow_mut();
        trace::step("first = log.borrow_mut()");
        trace::refcell("log", "first", Borrow::Exclusive, &log);
        first.push("from first");
    } // first is released here
    trace::step("the block ends: first is released");
    trace::refcell("log", "first", Borrow::Release, &log);
    let mut second = log.borrow_mut();
    trace::step("second = log.borrow_mut() succeeds");
    trace::refcell("log", "second", Borrow::Exclusive, &log);
    second.push("from second");
    drop(second);
    trace::step("drop(second): free again");
    trace::refcell("log", "second", Borrow::Release, &log);
    println!("{:?}", log.borrow());
    // #endregion fixed
}
