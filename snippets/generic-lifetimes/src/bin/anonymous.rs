//! expect: runs
//!
//! `'_` is the lifetime you do not name: "the one elision picks here".
//! In a return type `impl Trait + '_` says the hidden type may keep the
//! borrow of the argument.

use std::fmt;

struct Excerpt<'a> {
    text: &'a str,
}

// #region anonymous
impl fmt::Display for Excerpt<'_> {
    // `'_`: a lifetime nothing here needs to name
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "«{}»", self.text)
    }
}

fn lengths(words: &[String]) -> impl Iterator<Item = usize> + '_ {
    words.iter().map(String::len) // keeps borrowing `words`
}
// #endregion anonymous

fn main() {
    // #region use
    let novel = String::from("Call me Ishmael.");
    println!("{}", Excerpt { text: &novel[..7] });
    let words = vec![String::from("borrow"), String::from("me")];
    println!("{:?}", lengths(&words).collect::<Vec<_>>());
    // #endregion use
}
