//! expect: compile-error E0502
//!
//! `last-use.rs` with one more use of `best` after the push: the shared
//! borrow now spans the mutable one.

fn main() {
    // #region later
    let mut scores = vec![7, 9];
    let best = scores.iter().max().unwrap();
    println!("best so far: {best}");
    scores.push(10);
    println!("best was {best}, scores: {scores:?}");
    // #endregion later
}
