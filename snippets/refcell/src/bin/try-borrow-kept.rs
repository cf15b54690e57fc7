//! expect: runs
//!
//! A quiz: `try-borrow` with the reader bound to `_reader` and never
//! dropped by hand: a named binding, even one starting with `_`, keeps its
//! guard to the end of the scope.

use std::cell::RefCell;

fn main() {
    // #region quiz
    let log = RefCell::new(vec!["start"]);
    let _reader = log.borrow();
    for _ in 0..2 {
        match log.try_borrow_mut() {
            Ok(mut writer) => writer.push("more"),
            Err(e) => println!("busy: {e}"),
        }
    }
    println!("{:?}", log.borrow());
    // #endregion quiz
}
