//! expect: runs
//!
//! A struct that holds a reference carries the lifetime as a parameter;
//! its methods can hand out references that live as long as the data, not
//! as long as the struct.

// #region excerpt
/// A view into a text owned by someone else.
struct Excerpt<'a> {
    text: &'a str,
}

impl<'a> Excerpt<'a> {
    fn new(text: &'a str) -> Self {
        Excerpt { text }
    }

    /// Tied to the text (`'a`), not to `&self`.
    fn first_sentence(&self) -> &'a str {
        self.text.split('.').next().unwrap_or("").trim()
    }
}

fn main() {
    let novel = String::from("Call me Ferris. Years ago...");
    let sentence = Excerpt::new(&novel).first_sentence();
    // The Excerpt is gone; `sentence` borrows `novel`.
    println!("{sentence}");
}
// #endregion excerpt
