//! expect: runs
//!
//! Lifetime annotations name the region in which a borrow is valid. They
//! describe references; they never change how long a value lives.

// Written out on purpose; the next slides show when it may be left out.
#![allow(clippy::needless_lifetimes)]

// #region annotate
/// `'t` names the borrow of `text`.
/// The result is valid exactly as long as that borrow.
fn first_line<'t>(text: &'t str) -> &'t str {
    text.lines().next().unwrap_or("")
}
// #endregion annotate

fn main() {
    // #region use
    // A literal is in the binary: valid for the whole run.
    let title: &'static str = "Lesson 2.2";
    let notes = String::from("Lifetimes\nBox\nRc");
    let heading: &str = first_line(&notes);
    println!("{title}: {heading}");
    // #endregion use
}
