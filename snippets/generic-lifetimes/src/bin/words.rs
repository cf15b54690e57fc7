//! expect: runs
//!
//! An iterator over borrowed data: its items borrow the text, so they stay
//! valid after the iterator is gone.

// #region words
/// The words of a text, without copying them.
struct Words<'a> {
    rest: &'a str,
}

impl<'a> Iterator for Words<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let text = self.rest.trim_start();
        let end = text.find(' ').unwrap_or(text.len());
        let (word, rest) = text.split_at(end);
        self.rest = rest;
        (!word.is_empty()).then_some(word)
    }
}

fn main() {
    let line = String::from("  borrow  without copying ");
    let words: Vec<&str> = Words { rest: &line }.collect();
    println!("{words:?}");
}
// #endregion words
