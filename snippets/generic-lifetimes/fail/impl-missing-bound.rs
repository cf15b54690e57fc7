//! expect: compile-error E0700
//!
//! In edition 2021 an `impl Trait` return type captures only the lifetimes
//! its bounds name. The iterator keeps borrowing `words`, so without
//! `+ '_` rustc refuses. (Edition 2024 captures every lifetime in scope.)

// #region missing
fn lengths(words: &[String]) -> impl Iterator<Item = usize> {
    words.iter().map(String::len)
}
// #endregion missing

fn main() {
    let words = vec![String::from("borrow")];
    println!("{:?}", lengths(&words).collect::<Vec<_>>());
}
