//! expect: runs
//! support: a quiz's wrong choice, the real outcome of `clone-then-push` with the `Vec` cloned through `*`
//!
//! `(*scores).clone()` clones the `Vec` the `Rc` points at: `copy` is a
//! `Vec` of its own, which may be changed.

use std::rc::Rc;

fn main() {
    let scores = Rc::new(vec![10, 20]);
    let mut copy = (*scores).clone();
    copy.push(30);
    println!("{scores:?} {copy:?}");
}
