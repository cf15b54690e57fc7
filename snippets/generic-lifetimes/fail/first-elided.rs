//! expect: compile-error E0106
//! support: a quiz's wrong choice, the real outcome of `first-only` with its lifetimes left out
//!
//! Two reference parameters and no `&self`: elision cannot pick one.

fn first(x: &str, _y: &str) -> &str {
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
