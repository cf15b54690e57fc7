//! expect: compile-error E0596
//!
//! A quiz: `rc-no-mut` with one more clone. `scores.clone()` clones the
//! `Rc`, not the `Vec`: `copy` is one more shared handle, and an `Rc` lends
//! no `&mut`.

use std::rc::Rc;

fn main() {
    // #region quiz
    let scores = Rc::new(vec![10, 20]);
    let mut copy = scores.clone();
    copy.push(30);
    println!("{scores:?} {copy:?}");
    // #endregion quiz
}
