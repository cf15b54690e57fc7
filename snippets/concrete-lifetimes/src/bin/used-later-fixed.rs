//! expect: runs
//! support: live-coding variant in the notes of the E0502 slide
//!
//! `fail/used-later.rs` fixed by copying the maximum out: `best` is an
//! `i32`, not a borrow, so the push no longer conflicts with it.

fn main() {
    let mut scores = vec![7, 9];
    let best = *scores.iter().max().unwrap();
    println!("best so far: {best}");
    scores.push(10);
    println!("best was {best}, scores: {scores:?}");
}
