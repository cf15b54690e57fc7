//! expect: runs
//!
//! A quiz: which `Option`s cost no extra space? Its siblings change one type.

// #region predict
struct Node {
    _value: i32,
    _next: Option<Box<Node>>,
}

fn main() {
    let link_free = size_of::<Option<Box<Node>>>() == size_of::<Box<Node>>();
    let int_free = size_of::<Option<u64>>() == size_of::<u64>();
    println!("link free: {link_free}, integer free: {int_free}");
}
// #endregion predict
