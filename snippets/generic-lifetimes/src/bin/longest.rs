//! expect: runs
//!
//! One lifetime relating three references: the result is valid while both
//! inputs are.

// #region longest
fn longest<'a>(x: &'a str, y: &'a str) -> &'a str {
    if x.len() >= y.len() { x } else { y }
}

fn main() {
    let crab = String::from("ferris");
    {
        let bird = String::from("corro");
        let winner = longest(&crab, &bird);
        println!("longest: {winner}"); // both alive here
    }
}
// #endregion longest
