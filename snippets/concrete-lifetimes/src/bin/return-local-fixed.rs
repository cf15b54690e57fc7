//! expect: runs
//!
//! The fix for `fail/return-local.rs`: a value made inside the function is
//! returned owned; the caller becomes its owner.

// #region owned
fn shout(word: &str) -> String {
    word.to_uppercase()
}
// #endregion owned

fn main() {
    println!("{}", shout("ferris"));
}
