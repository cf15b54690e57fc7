//! expect: runs
//!
//! A newtype that promises "always sorted", with `DerefMut` to its `Vec`:
//! every `Vec` method comes along, including those that break the promise.

use std::ops::{Deref, DerefMut};

// #region leak
/// A list of numbers that is always sorted. Or is it?
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
// #endregion leak

impl Sorted {
    fn new(mut items: Vec<i32>) -> Sorted {
        items.sort();
        Sorted(items)
    }
}

fn main() {
    // #region use
    let mut s = Sorted::new(vec![3, 1, 2]);
    s.push(0);
    println!("{:?}", *s);
    println!("sorted? {}", s.is_sorted());
    // #endregion use
}
