//! expect: runs
//!
//! The same newtype designed on purpose: `Deref` to a read-only slice for
//! the reading methods, and its own `insert` that keeps the order.

use std::ops::Deref;

// #region design
struct Sorted(Vec<i32>);

impl Sorted {
    fn new(mut items: Vec<i32>) -> Sorted {
        items.sort();
        Sorted(items)
    }

    fn insert(&mut self, x: i32) {
        let at = self.0.partition_point(|&y| y < x);
        self.0.insert(at, x);
    }
}

impl Deref for Sorted {
    type Target = [i32];
    fn deref(&self) -> &[i32] {
        &self.0
    }
}
// #endregion design

fn main() {
    // #region use
    let mut s = Sorted::new(vec![3, 1, 2]);
    s.insert(0);
    println!("{:?}", &*s);
    println!("first: {:?}", s.first());
    println!("2 is at {:?}", s.binary_search(&2));
    // #endregion use
}
