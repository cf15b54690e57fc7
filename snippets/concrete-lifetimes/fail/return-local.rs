//! expect: compile-error E0515
//!
//! A function cannot return a reference to a value it owns: the value is
//! dropped when the function returns.

// #region local
fn shout(word: &str) -> &str {
    let loud = word.to_uppercase(); // owned here
    loud.as_str()
}
// #endregion local

fn main() {
    println!("{}", shout("ferris"));
}
