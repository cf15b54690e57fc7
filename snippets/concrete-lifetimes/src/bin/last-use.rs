//! expect: runs
//!
//! A borrow lasts until its last use, not until the end of the block
//! (non-lexical lifetimes).

fn main() {
    // #region nll
    let mut scores = vec![7, 9];
    let best = scores.iter().max().unwrap(); // shared borrow starts
    println!("best so far: {best}"); // ...and ends here: last use of `best`
    scores.push(10); // so a mutable borrow is fine
    println!("scores: {scores:?}");
    // #endregion nll
}
