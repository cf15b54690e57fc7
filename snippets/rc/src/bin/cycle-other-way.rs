//! expect: runs
//! support: a quiz's wrong choice, the real outcome of `cycle-one-way` with the link the other way
//!
//! `b` owns `a`: dropping `a` first only lowers its count; dropping `b`
//! frees `b`, and with it the last handle to `a`.

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
    let a = node("a");
    let b = node("b");
    *b.next.borrow_mut() = Some(Rc::clone(&a));
    let (sa, sb) = (Rc::strong_count(&a), Rc::strong_count(&b));
    println!("strong counts: a = {sa}, b = {sb}");
    drop(a);
    drop(b);
    println!("main dropped a and b");
}
