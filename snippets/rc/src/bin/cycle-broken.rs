//! expect: runs
//!
//! The same two nodes with the back edge made `Weak`: it does not own, so
//! dropping `a` and `b` frees both and both `Drop` messages print.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

// #region node
struct Node {
    name: &'static str,
    next: RefCell<Option<Rc<Node>>>,
    back: RefCell<Weak<Node>>,
}
// #endregion node

impl Drop for Node {
    fn drop(&mut self) {
        println!("dropping {}", self.name);
    }
}

fn node(name: &'static str) -> Rc<Node> {
    Rc::new(Node {
        name,
        next: RefCell::new(None),
        back: RefCell::new(Weak::new()),
    })
}

fn counts(name: &str, node: &Rc<Node>) {
    let (strong, weak) = (Rc::strong_count(node), Rc::weak_count(node));
    println!("{name}: strong = {strong}, weak = {weak}");
}

fn main() {
    // #region cycle
    let a = node("a");
    let b = node("b");
    *a.next.borrow_mut() = Some(Rc::clone(&b));
    *b.back.borrow_mut() = Rc::downgrade(&a);
    counts("a", &a);
    counts("b", &b);

    drop(a);
    drop(b);
    println!("end of main");
    // #endregion cycle
}
