//! expect: test-fails "not yet implemented"
//!
//! Exercise: write `between`, which returns the text between the first
//! `open` marker and the next `close` marker after it.
//!
//! 1. Replace the `todo!()`: `between("a [b] c", "[", "]")` is `Some("b")`;
//!    a missing marker gives `None`. `cargo test` shows which tests still
//!    fail.
//! 2. The signature ties the result to all three arguments. Uncomment the
//!    test `result_outlives_the_markers`: it builds `open` and `close` as
//!    `String`s dropped before the result is read, and does not compile.
//!    Change the lifetimes so that the result borrows from `text` only,
//!    and explain why that is enough.
//!
//! Stretch: `between_all` returns every such piece, in order, as an
//! iterator that borrows `text` (`cargo test -- --ignored`).

// #region starter
fn between<'a>(text: &'a str, open: &'a str, close: &'a str) -> Option<&'a str> {
    let _ = (text, open, close);
    todo!()
}
// #endregion starter

fn between_all<'t>(text: &'t str, open: &str, close: &str) -> impl Iterator<Item = &'t str> {
    let _ = (text, open, close);
    std::iter::from_fn(|| todo!("stretch goal"))
}

/// The stretch goal runs only when asked: `cargo run -p concrete-lifetimes-exercise -- stretch`.
fn stretch() -> bool {
    std::env::args().any(|arg| arg == "stretch")
}

fn main() {
    let page = String::from("title: <b>Lifetimes</b>");
    println!("{:?}", between(&page, "<b>", "</b>"));
    if stretch() {
        println!("{:?}", between_all("[a][b]", "[", "]").collect::<Vec<_>>());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_text_between_markers() {
        assert_eq!(between("a [b] c", "[", "]"), Some("b"));
        assert_eq!(between("[x][y]", "[", "]"), Some("x"));
        assert_eq!(between("[]", "[", "]"), Some(""));
        assert_eq!(between("<<a>>", "<<", ">>"), Some("a"));
    }

    #[test]
    fn missing_markers_give_none() {
        assert_eq!(between("no markers", "[", "]"), None);
        assert_eq!(between("only [open", "[", "]"), None);
        assert_eq!(between("close] first", "[", "]"), None);
    }

    // Step 2: uncomment this test. It compiles once the result borrows
    // from `text` only.
    //
    // #[test]
    // fn result_outlives_the_markers() {
    //     let text = String::from("<i>kept</i>");
    //     let found;
    //     {
    //         let open = String::from("<i>");
    //         let close = String::from("</i>");
    //         found = between(&text, &open, &close);
    //     }
    //     assert_eq!(found, Some("kept"));
    // }

    #[test]
    #[ignore = "stretch goal"]
    fn between_all_finds_every_piece() {
        let text = String::from("[a] x [bc] [");
        let pieces: Vec<&str> = {
            let open = String::from("[");
            between_all(&text, &open, "]").collect()
        };
        assert_eq!(pieces, ["a", "bc"]);
        assert_eq!(between_all("none", "[", "]").count(), 0);
    }
}
