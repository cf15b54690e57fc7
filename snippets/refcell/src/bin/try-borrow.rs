//! expect: runs
//!
//! `try_borrow_mut` turns the panic into a value the program can handle.

use std::cell::RefCell;
use trace::Borrow;

fn main() {
    // #region try
    let log = RefCell::new(vec!["start"]);
    let reader = log.borrow();
    trace::step("reader = log.borrow(): shared");
    trace::refcell("log", "reader", Borrow::Shared, &log);
    match log.try_borrow_mut() {
        Ok(mut writer) => writer.push("more"),
        Err(e) => {
            trace::step("try_borrow_mut returns Err instead of panicking");
            trace::refcell("log", "writer", Borrow::Refused, &log);
            println!("busy: {e}, skipping the push");
        }
    }
    drop(reader);
    trace::step("drop(reader): the cell is free again");
    trace::refcell("log", "reader", Borrow::Release, &log);
    if let Ok(mut writer) = log.try_borrow_mut() {
        trace::step("now try_borrow_mut succeeds");
        trace::refcell("log", "writer", Borrow::Exclusive, &log);
        writer.push("more");
    }
    println!("{:?}", log.borrow());
    // #endregion try
}
