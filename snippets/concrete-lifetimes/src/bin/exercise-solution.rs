//! expect: tests
//! support: exercise solution, published with the exercises
//!
//! The result borrows from `text` only; the markers are needed just while
//! searching, so they get their own, unnamed lifetimes (elision rule 1).

fn between<'t>(text: &'t str, open: &str, close: &str) -> Option<&'t str> {
    let start = text.find(open)? + open.len();
    let len = text[start..].find(close)?;
    Some(&text[start..start + len])
}

/// Stretch goal. The iterator copies the markers, but in edition 2024 its
/// type still captures their lifetimes too: a caller keeps them alive while
/// it iterates (`+ use<'t>` would say it borrows `text` only).
fn between_all<'t>(text: &'t str, open: &str, close: &str) -> impl Iterator<Item = &'t str> {
    let (open, close) = (open.to_string(), close.to_string());
    let mut rest = text;
    std::iter::from_fn(move || {
        // Safe slicing: the same search as `between`, keeping the positions.
        let start = rest.find(open.as_str())? + open.len();
        let len = rest[start..].find(close.as_str())?;
        let found = &rest[start..start + len];
        rest = &rest[start + len + close.len()..];
        Some(found)
    })
}

fn main() {
    let page = String::from("title: <b>Lifetimes</b>");
    println!("{:?}", between(&page, "<b>", "</b>"));
    println!("{:?}", between_all("[a][b]", "[", "]").collect::<Vec<_>>());
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

    #[test]
    fn result_outlives_the_markers() {
        let text = String::from("<i>kept</i>");
        let found;
        {
            let open = String::from("<i>");
            let close = String::from("</i>");
            found = between(&text, &open, &close);
        }
        assert_eq!(found, Some("kept"));
    }

    #[test]
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
