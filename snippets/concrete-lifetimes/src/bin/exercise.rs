//! expect: panics "not yet implemented"
//!
//! Exercise: write `between`, which returns the text between the first
//! `open` marker and the next `close` marker after it.
//!
//! 1. Replace the `todo!()`: `between("a [b] c", "[", "]")` is `Some("b")`;
//!    a missing marker gives `None`.
//! 2. The signature ties the result to all three arguments. The tests in
//!    the solution build `open` and `close` as temporary `String`s that are
//!    dropped before the result is read. Change the lifetimes so that the
//!    result borrows from `text` only, and explain why that is enough.

// #region starter
fn between<'a>(text: &'a str, open: &'a str, close: &'a str) -> Option<&'a str> {
    let _ = (text, open, close);
    todo!()
}

fn main() {
    let page = String::from("title: <b>Lifetimes</b>");
    println!("{:?}", between(&page, "<b>", "</b>"));
}
// #endregion starter
