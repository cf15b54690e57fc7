//! expect: runs
//!
//! A quiz: `sorted-leak` with a `push` of its own that keeps the order:
//! method lookup tries `Sorted` before it derefs to the `Vec`.

use std::ops::{Deref, DerefMut};

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

impl Sorted {
    fn new(mut items: Vec<i32>) -> Sorted {
        items.sort();
        Sorted(items)
    }
}

// #region quiz
impl Sorted {
    fn push(&mut self, x: i32) {
        let at = self.0.partition_point(|&y| y < x);
        self.0.insert(at, x);
    }
}

fn main() {
    let mut s = Sorted::new(vec![3, 1, 2]);
    s.push(0);
    println!("{:?}", *s);
    println!("sorted? {}", s.is_sorted());
}
// #endregion quiz
