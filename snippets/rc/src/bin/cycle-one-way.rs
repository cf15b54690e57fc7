//! expect: runs
//!
//! A quiz: `cycle-leak` with one link instead of two: `a` owns `b`, nothing
//! owns `a` but `main`, so there is no cycle and both nodes are freed.

use std::cell::RefCell;
use std::rc::Rc;

struct Node {
    name: &'static str,
    next: RefCell<Option<Rc<Node>>>,
}

impl Drop for Node {
    fn drop(&mut self) {
        println!("dropping {}", self.name);
    }
}

fn node(name: &'static str) -> Rc<Node> {
    Rc::new(Node {
        name,
        next: RefCell::new(None),
    })
}

fn main() {
    // #region quiz
    let a = node("a");
    let b = node("b");
    *a.next.borrow_mut() = Some(Rc::clone(&b));
    let (sa, sb) = (Rc::strong_count(&a), Rc::strong_count(&b));
    println!("strong counts: a = {sa}, b = {sb}");
    drop(a);
    drop(b);
    println!("main dropped a and b");
    // #endregion quiz
}
