//! expect: runs
//!
//! A quiz: `double-borrow` with no guard kept in a variable: each
//! `borrow_mut()` is a temporary, released at the end of its statement.

use std::cell::RefCell;

fn main() {
    // #region quiz
    let log = RefCell::new(Vec::new());
    log.borrow_mut().push("from first");
    println!("first pushed");
    log.borrow_mut().push("from second");
    println!("{:?}", log.borrow());
    // #endregion quiz
}
