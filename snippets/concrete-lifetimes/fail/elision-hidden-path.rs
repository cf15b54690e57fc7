//! expect: compile-error E0106
//!
//! A struct with a lifetime parameter, written without it (`Excerpt`), still
//! has an elided lifetime: with `&str` that makes two input lifetimes, and
//! the result's lifetime cannot be inferred. Writing `Excerpt<'_>` shows it.

struct Excerpt<'a> {
    text: &'a str,
}

// #region fails
fn pick(excerpt: Excerpt, fallback: &str) -> &str {
    if excerpt.text.is_empty() {
        fallback
    } else {
        excerpt.text
    }
}
// #endregion fails

fn main() {
    let text = String::from("Call me Ferris.");
    println!("{}", pick(Excerpt { text: &text }, "none"));
}
