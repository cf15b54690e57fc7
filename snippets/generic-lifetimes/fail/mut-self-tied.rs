//! expect: compile-error E0499 E0502
//!
//! One `'a` for the `&mut` borrow and for the data it points at. `&mut T`
//! is invariant in `T`, so `'a` cannot shrink to fit: the first call
//! borrows `words` mutably for as long as `Words<'a>` lives, which is to
//! its last use.

struct Words<'a> {
    list: Vec<&'a str>,
}

// #region tied
fn add<'a>(words: &'a mut Words<'a>, w: &'a str) {
    words.list.push(w);
}

fn main() {
    let text = String::from("to be");
    let mut words = Words { list: Vec::new() };
    add(&mut words, &text[..2]);
    add(&mut words, &text[3..]);
    println!("{}", words.list.len());
}
// #endregion tied
