//! expect: runs
//! support: a quiz's wrong choice, the real output of its sibling with `NonZeroU64`, which is never 0
//!
//! `niche-predict` with `NonZeroU64` for `u64`: zero is free for `None`.

use std::num::NonZeroU64;

struct Node {
    _value: i32,
    _next: Option<Box<Node>>,
}

fn main() {
    let link_free = size_of::<Option<Box<Node>>>() == size_of::<Box<Node>>();
    let int_free = size_of::<Option<NonZeroU64>>() == size_of::<NonZeroU64>();
    println!("link free: {link_free}, integer free: {int_free}");
}
