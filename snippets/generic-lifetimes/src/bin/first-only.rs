//! expect: runs
//!
//! A quiz: `longest-too-short` with a signature that ties the result to
//! `x` alone: `bird` may go before `winner` is used.

// #region quiz
fn first<'a>(x: &'a str, _y: &str) -> &'a str {
    x
}

fn main() {
    let crab = String::from("ferris");
    let winner;
    {
        let bird = String::from("corro");
        winner = first(&crab, &bird);
    }
    println!("first: {winner}");
}
// #endregion quiz
