//! expect: runs
//!
//! A quiz: `dangling` with a string literal for `word`: `shortest` copies
//! a `&'static str`, which points into the program, not into the block.

fn main() {
    // #region quiz
    let shortest;
    {
        let word = "ferris";
        shortest = word;
    }
    println!("shortest: {shortest}");
    // #endregion quiz
}
