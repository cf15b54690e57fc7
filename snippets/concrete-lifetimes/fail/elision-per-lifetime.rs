//! expect: compile-error E0106
//!
//! Elision's first rule gives each elided lifetime in the inputs its own
//! parameter, not each parameter: `&Vec<&str>` has two, so the rule for one
//! input lifetime does not apply and the result's lifetime is not inferred.

// #region fails
fn first(words: &Vec<&str>) -> &str {
    words[0]
}
// #endregion fails

fn main() {
    let words = vec!["one", "two"];
    println!("{}", first(&words));
}
