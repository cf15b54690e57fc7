//! expect: compile-error E0515
//!
//! A getter that lends the inside of a `RefCell` as a plain `&`: the `Ref`
//! guard `borrow()` returns is a temporary, dropped when `lines` returns,
//! and the reference cannot outlive it.

use std::cell::RefCell;

// #region getter
struct Log {
    lines: RefCell<Vec<String>>,
}

impl Log {
    fn lines(&self) -> &Vec<String> {
        &self.lines.borrow()
    }
}
// #endregion getter

fn main() {
    let log = Log {
        lines: RefCell::new(vec!["start".to_string()]),
    };
    println!("{}", log.lines().len());
}
