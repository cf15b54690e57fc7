//! expect: compile-error E0599
//!
//! A quiz: `mock-needs-mut` with the field in a `RefCell` but no
//! `borrow_mut()`: `RefCell` does not deref to what it holds, so `push` is
//! not found.

use std::cell::RefCell;

trait Messenger {
    fn send(&self, msg: &str);
}

// #region quiz
struct MockMessenger {
    sent: RefCell<Vec<String>>,
}

impl Messenger for MockMessenger {
    fn send(&self, msg: &str) {
        self.sent.push(msg.to_string());
    }
}
// #endregion quiz

fn main() {
    let mock = MockMessenger {
        sent: RefCell::new(Vec::new()),
    };
    mock.send("hello");
    println!("{:?}", mock.sent.borrow());
}
