//! expect: runs
//! expect-2021: compile-error E0700
//!
//! An `impl Trait` return type whose hidden iterator keeps borrowing the
//! argument. Edition 2024 captures every lifetime in scope, so it compiles
//! as written. Edition 2021 captures only the lifetimes its bounds name and
//! refuses it (E0700) until the signature says `+ '_` or `+ use<'_>`.

// #region captures
fn lengths(words: &[String]) -> impl Iterator<Item = usize> {
    words.iter().map(String::len) // borrows `words`
}
// #endregion captures

fn main() {
    let words = vec![String::from("borrow"), String::from("check")];
    println!("{:?}", lengths(&words).collect::<Vec<_>>());
}
