//! expect: panics "already mutably borrowed"
//! support: a quiz's wrong choice, the real outcome of `temp-borrows` with the first guard kept and a read asked for
//!
//! A `borrow()` while a `borrow_mut()` guard lives: refused at run time,
//! with the other message.

use std::cell::RefCell;

fn main() {
    let log = RefCell::new(Vec::new());
    let mut first = log.borrow_mut();
    first.push("from first");
    println!("first pushed");
    println!("{:?}", log.borrow());
}
