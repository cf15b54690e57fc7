//! expect: compile-error E0277 E0599
//!
//! `Deref` lends methods, not identity: `Sorted` is not a `Vec`. Traits the
//! `Vec` implements (`Debug`) do not come along, and with a slice target
//! the mutating `push` is gone.

use std::ops::Deref;

struct Sorted(Vec<i32>);

impl Deref for Sorted {
    type Target = [i32];
    fn deref(&self) -> &[i32] {
        &self.0
    }
}

fn main() {
    // #region misuse
    let mut s = Sorted(vec![1, 2, 3]);
    s.push(4);
    println!("{:?}", s);
    // #endregion misuse
}
