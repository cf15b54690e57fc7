//! expect: runs
//! support: a quiz's wrong choice, the real outcome of `longest-slice` with a slice as long as `bird`
//!
//! A tie: `>=` returns `x`.

fn longest<'a>(x: &'a str, y: &'a str) -> &'a str {
    if x.len() >= y.len() { x } else { y }
}

fn main() {
    let crab = String::from("ferris");
    let bird = String::from("corro");
    let winner = longest(&crab[..5], &bird);
    println!("longest: {winner}");
}
