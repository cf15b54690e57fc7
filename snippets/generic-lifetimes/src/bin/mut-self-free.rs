//! expect: runs
//!
//! `mut-self-tied.rs` fixed: the `&mut` borrow gets its own, elided
//! lifetime, short, one call long. Only the words must live as long as
//! `Words<'a>`.

struct Words<'a> {
    list: Vec<&'a str>,
}

// #region free
fn add<'a>(words: &mut Words<'a>, w: &'a str) {
    words.list.push(w);
}
// #endregion free

fn main() {
    let text = String::from("to be");
    let mut words = Words { list: Vec::new() };
    add(&mut words, &text[..2]);
    add(&mut words, &text[3..]);
    println!("{}", words.list.len());
}
