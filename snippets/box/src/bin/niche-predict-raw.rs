//! expect: runs
//! support: a quiz's wrong choice, the real output of its sibling with a raw pointer, which may be null
//!
//! `niche-predict` with `*const Node` for `Box<Node>`: a raw pointer may be
//! null, so `Option` needs a tag.

struct Node {
    _value: i32,
    _next: Option<Box<Node>>,
}

fn main() {
    let link_free = size_of::<Option<*const Node>>() == size_of::<*const Node>();
    let int_free = size_of::<Option<u64>>() == size_of::<u64>();
    println!("link free: {link_free}, integer free: {int_free}");
}
