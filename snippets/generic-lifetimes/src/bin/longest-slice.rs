//! expect: runs
//!
//! A quiz: `longest` called with a slice of `crab`: the lengths compared
//! are those of the slices passed.

// #region quiz
fn longest<'a>(x: &'a str, y: &'a str) -> &'a str {
    if x.len() >= y.len() { x } else { y }
}

fn main() {
    let crab = String::from("ferris");
    let bird = String::from("corro");
    let winner = longest(&crab[..3], &bird);
    println!("longest: {winner}");
}
// #endregion quiz
