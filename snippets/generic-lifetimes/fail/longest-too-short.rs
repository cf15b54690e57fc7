//! expect: compile-error E0597
//!
//! `'a` is the shorter of the two borrows, so the result cannot be used
//! after `bird` is dropped, even though it happens to point into `crab`.

fn longest<'a>(x: &'a str, y: &'a str) -> &'a str {
    if x.len() >= y.len() { x } else { y }
}

fn main() {
    // #region short
    let crab = String::from("ferris");
    let winner;
    {
        let bird = String::from("corro");
        winner = longest(&crab, &bird);
    }
    println!("longest: {winner}");
    // #endregion short
}
