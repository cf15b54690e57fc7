//! expect: runs
//!
//! An outlives bound `'s: 'c`: the source text lives at least as long as
//! the borrow of the context, so a parser can hand out `&'s str` that
//! outlive the parser itself.

// #region types
struct Context<'s> {
    source: &'s str,
}

/// Borrows a context (`'c`) that borrows a source (`'s`); `'s: 'c` reads
/// "`'s` outlives `'c`".
struct Parser<'c, 's: 'c> {
    context: &'c Context<'s>,
}

impl<'c, 's: 'c> Parser<'c, 's> {
    /// The result borrows the source, not the parser: `'s`, not `'c`.
    fn first_word(&self) -> &'s str {
        self.context.source.split_whitespace().next().unwrap_or("")
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
    }; // the parser is gone, the word is still valid
    println!("{word}");
}
// #endregion main
