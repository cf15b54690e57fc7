//! expect: tests
//! support: exercise solution, published with the exercises
//!
//! The result borrows from `text` only; the markers are needed just while
//! searching.

fn between<'t>(text: &'t str, open: &str, close: &str) -> Option<&'t str> {
    let start = text.find(open)? + open.len();
    let len = text[start..].find(close)?;
    Some(&text[start..start + len])
}

fn main() {
    let page = String::from("title: <b>Lifetimes</b>");
    println!("{:?}", between(&page, "<b>", "</b>"));
}

#[cfg(test)]
mod tests {
    use super::between;

    #[test]
    fn finds_the_text_between_markers() {
        assert_eq!(between("a [b] c", "[", "]"), Some("b"));
        assert_eq!(between("[x][y]", "[", "]"), Some("x"));
        assert_eq!(between("[]", "[", "]"), Some(""));
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
}
