//! expect: runs
//! support: a quiz's wrong choice, the real outcome of its sibling with `DerefMut` and a derived `Debug`
//!
//! `not-inheritance-vec` with `DerefMut` and `#[derive(Debug)]`: now it
//! compiles. Still not inheritance: each trait had to be written.

use std::ops::{Deref, DerefMut};

#[derive(Debug)]
struct Sorted(Vec<i32>);

impl Deref for Sorted {
    type Target = Vec<i32>;
    fn deref(&self) -> &Vec<i32> {
        &self.0
    }
}

impl DerefMut for Sorted {
    fn deref_mut(&mut self) -> &mut Vec<i32> {
        &mut self.0
    }
}

fn main() {
    let mut s = Sorted(vec![1, 2, 3]);
    s.push(4);
    println!("{:?}", s);
}
