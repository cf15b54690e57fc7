//! expect: compile-error E0277
//!
//! A quiz: `not-inheritance` with `Target = Vec<i32>`. `push` is found on
//! the `Vec` now; `Debug` still does not come along (E0277). The `push`
//! needs `&mut Vec`, which only `DerefMut` lends, but rustc stops at the
//! type error and never runs the borrow checker, so that error is not
//! reported yet.

// #region quiz
use std::ops::Deref;

struct Sorted(Vec<i32>);

impl Deref for Sorted {
    type Target = Vec<i32>;
    fn deref(&self) -> &Vec<i32> {
        &self.0
    }
}

fn main() {
    let mut s = Sorted(vec![1, 2, 3]);
    s.push(4);
    println!("{:?}", s);
}
// #endregion quiz
