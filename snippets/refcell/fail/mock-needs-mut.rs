//! expect: compile-error E0596
//!
//! The trait promises `&self`; a mock that wants to remember each message
//! cannot push to its vector through a shared reference.

trait Messenger {
    fn send(&self, msg: &str);
}

// #region mock
struct MockMessenger {
    sent: Vec<String>,
}

impl Messenger for MockMessenger {
    fn send(&self, msg: &str) {
        self.sent.push(msg.to_string());
    }
}
// #endregion mock

fn main() {
    let mock = MockMessenger { sent: Vec::new() };
    mock.send("hello");
    println!("{:?}", mock.sent);
}
