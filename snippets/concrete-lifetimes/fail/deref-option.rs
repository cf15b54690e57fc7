//! expect: compile-error E0614
//! support: a quiz's wrong choice, the real outcome of `copied-best` without the `unwrap()`
//!
//! `max()` gives an `Option<&i32>`, which `*` cannot dereference.

fn main() {
    let mut scores = vec![7, 9];
    let best = *scores.iter().max();
    println!("best so far: {best}");
    scores.push(10);
    println!("best was {best}, scores: {scores:?}");
}
