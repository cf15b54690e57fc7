//! expect: runs
//!
//! A quiz: `last-use` in another order: the push first, then the borrow.

fn main() {
    // #region quiz
    let mut scores = vec![7, 9];
    scores.push(10);
    let best = scores.iter().max().unwrap();
    println!("best so far: {best}");
    println!("scores: {scores:?}");
    // #endregion quiz
}
