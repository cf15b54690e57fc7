//! expect: runs
//!
//! The fix for `fail/dangling.rs`: the value now lives as long as the
//! reference is used.

fn main() {
    // #region fixed
    let word = String::from("ferris");
    let shortest;
    {
        shortest = &word;
    }
    println!("shortest: {shortest}");
    // #endregion fixed
}
