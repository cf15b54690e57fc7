//! expect: compile-error E0507
//! support: witness for the sentence that `*` moves out of a `Box` only
//!
//! `*` on a `Box` is built in, so `*boxed` can move the `String` out of it.
//! On an `Rc`, `*` goes through `Deref`, which lends a `&String`: moving
//! out of a borrow is E0507.

use std::rc::Rc;

fn main() {
    let boxed = Box::new(String::from("ferris"));
    let from_box: String = *boxed; // moves the String out, frees the box
    let shared = Rc::new(String::from("ferris"));
    let from_rc: String = *shared;
    println!("{from_box} {from_rc}");
}
