//! expect: runs
//! support: live-coding variant in the notes of the E0597 slide
//!
//! The other fix for `fail/dangling.rs`: use the reference inside the
//! block, so the borrow ends before `word` is dropped.

fn main() {
    let shortest;
    {
        let word = String::from("ferris");
        shortest = &word;
        println!("shortest: {shortest}");
    }
}
