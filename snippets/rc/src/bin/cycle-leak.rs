//! expect: runs
//!
//! Two nodes that own each other through `Rc`: when `main` lets go of
//! both, each count only falls to 1, so neither `Drop` ever runs.

use std::cell::RefCell;
use std::rc::Rc;
use trace::Op;

// #region node
struct Node {
    name: &'static str,
    next: RefCell<Option<Rc<Node>>>,
}

impl Drop for Node {
    fn drop(&mut self) {
        trace::freed(self.name);
        println!("dropping {}", self.name);
    }
}
// #endregion node

fn node(name: &'static str) -> Rc<Node> {
    Rc::new(Node {
        name,
        next: RefCell::new(None),
    })
}

fn main() {
    // #region cycle
    let a = node("a");
    trace::step("main owns node a");
    trace::rc("a", Op::New, &a);
    let b = node("b");
    trace::step("main owns node b");
    trace::rc("b", Op::New, &b);

    *a.next.borrow_mut() = Some(Rc::clone(&b));
    trace::step("a.next points at b: b has two owners");
    trace::rc("a.next", Op::Clone, &b);
    *b.next.borrow_mut() = Some(Rc::clone(&a));
    trace::step("b.next points back at a: a cycle");
    trace::rc("b.next", Op::Clone, &a);
    let (sa, sb) = (Rc::strong_count(&a), Rc::strong_count(&b));
    println!("strong counts: a = {sa}, b = {sb}");

    drop(a);
    drop(b);
    trace::step("main lets go of a and b: each count only falls to 1");
    trace::dropped("a");
    trace::dropped("b");
    println!("main dropped a and b");
    println!("end of main");
    // #endregion cycle
}
