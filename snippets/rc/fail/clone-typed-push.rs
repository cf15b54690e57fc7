//! expect: compile-error E0308
//! support: a quiz's wrong choice, the real outcome of `clone-then-push` with the type written out
//!
//! `scores.clone()` is an `Rc<Vec<i32>>`, not the `Vec<i32>` the annotation asks for.

use std::rc::Rc;

fn main() {
    let scores = Rc::new(vec![10, 20]);
    let mut copy: Vec<i32> = scores.clone();
    copy.push(30);
    println!("{scores:?} {copy:?}");
}
