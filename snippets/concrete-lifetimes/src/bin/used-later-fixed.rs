//! expect: runs
//!
//! `fail/used-later.rs` fixed by copying the maximum out: `best` is an
//! `i32`, not a borrow, so the push no longer conflicts with it.

fn main() {
    // #region later
    let mut scores = vec![7, 9];
    let best = *scores.iter().max().unwrap();
    println!("best so far: {best}");
    scores.push(10);
    println!("best was {best}, scores: {scores:?}");
    // #endregion later
}
