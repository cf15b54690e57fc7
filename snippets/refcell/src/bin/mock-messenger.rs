//! expect: runs
//!
//! A mock that records every call made through `&self`: the vector sits in
//! a `RefCell`, so `send` can push to it.

use std::cell::RefCell;

// #region trait
trait Messenger {
    fn send(&self, msg: &str);
}

/// Warns through `messenger` once usage passes 75% of the quota.
fn check_quota(messenger: &dyn Messenger, used: u32, quota: u32) {
    if used * 4 >= quota * 3 {
        messenger.send(&format!("warning: {used} of {quota} used"));
    }
}
// #endregion trait

// #region mock
struct MockMessenger {
    sent: RefCell<Vec<String>>,
}

impl Messenger for MockMessenger {
    fn send(&self, msg: &str) {
        self.sent.borrow_mut().push(msg.to_string());
    }
}
// #endregion mock

fn main() {
    // #region use
    let mock = MockMessenger {
        sent: RefCell::new(Vec::new()),
    };
    check_quota(&mock, 50, 100);
    check_quota(&mock, 80, 100);
    println!("{:?}", mock.sent.borrow());
    // #endregion use
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn warns_once_past_three_quarters() {
        let mock = MockMessenger {
            sent: RefCell::new(Vec::new()),
        };
        check_quota(&mock, 74, 100);
        check_quota(&mock, 75, 100);
        assert_eq!(mock.sent.borrow().len(), 1);
    }
}
