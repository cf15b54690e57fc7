//! expect: compile-error E0596
//!
//! An `Rc` hands out shared references only: with several owners, none of
//! them may mutate the value through it.

use std::rc::Rc;

fn main() {
    // #region mutate
    let scores = Rc::new(vec![10, 20]);
    let other = Rc::clone(&scores);
    scores.push(30);
    // #endregion mutate
    println!("{other:?}");
}
