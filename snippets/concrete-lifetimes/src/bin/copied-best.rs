//! expect: runs
//!
//! A quiz: `used-later` with one `*`: `best` is an `i32` copied out of the
//! vector, not a reference into it, so nothing is borrowed at the `push`.

fn main() {
    // #region quiz
    let mut scores = vec![7, 9];
    let best = *scores.iter().max().unwrap();
    println!("best so far: {best}");
    scores.push(10);
    println!("best was {best}, scores: {scores:?}");
    // #endregion quiz
}
