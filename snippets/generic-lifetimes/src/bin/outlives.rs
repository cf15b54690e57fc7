//! expect: runs
//!
//! An outlives bound `'s: 'c`: the source text lives at least as long as
//! the borrow of the context, so a parser can hand out `&'s str` that
//! outlive the parser itself.

// #region types
struct Context<'s> {
    source: &'s str,
}

/// `'s: 'c` reads "`'s` outlives `'c`".
struct Parser<'c, 's: 'c> {
    context: &'c Context<'s>,
}

impl<'c, 's: 'c> Parser<'c, 's> {
    /// Borrows the source (`'s`), not the parser.
    fn first_word(&self) -> &'s str {
        let source = self.context.source;
        source.split_whitespace().next().unwrap_or("")
    }
}
// #endregion types

// #region main
fn main() {
    let source = String::from("borrow checker");
    let context = Context { source: &source };
    let word = {
        let parser = Parser { context: &context };
        parser.first_word()
    }; // parser gone, word still valid
    println!("{word}");
}
// #endregion main
