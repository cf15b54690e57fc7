//! expect: runs
//! support: witness for the `make_mut` sentence: with only `Weak`s sharing the value, it moves the value instead of cloning it
//!
//! `Rc::make_mut` on a handle whose only company is a `Weak`: no clone is
//! needed, so the value moves to a new allocation (the `String`'s buffer
//! stays where it was), and the `Weak`, left behind, no longer upgrades.

use std::rc::Rc;

fn main() {
    let mut a = Rc::new(String::from("draft"));
    let weak = Rc::downgrade(&a);
    let (allocation, buffer) = (Rc::as_ptr(&a), a.as_ptr());

    let text = Rc::make_mut(&mut a);
    let same_buffer = text.as_ptr() == buffer;
    text.push_str(" 2");

    assert!(same_buffer, "the String was moved, not cloned");
    assert_ne!(Rc::as_ptr(&a), allocation, "the value has a new allocation");
    assert!(weak.upgrade().is_none(), "the Weak stays with the old one");
    println!("a = {a:?}, same String buffer: {same_buffer}");
    println!("weak upgrades: {}", weak.upgrade().is_some());
}
