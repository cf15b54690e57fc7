//! expect: test-fails "not yet implemented"
//!
//! Exercise: `Pairs` walks a settings line such as `"a=1;b=2"` and yields
//! each `(key, value)` as slices of the original text, copying nothing.
//!
//! 1. Implement `next`: skip empty entries (`"a=1;;b=2"`), and yield an
//!    entry without `=` as `(key, "")`. `cargo test` shows which tests
//!    still fail.
//! 2. The test `items_point_into_the_line` cannot pass while `Pairs` owns a
//!    `String` copy: add the lifetime parameter the struct needs for
//!    `line`, and give `Item` the lifetime of the text. The tests build a
//!    `Pairs` with `.into()`, and so does `main`: both compile either way.
//!
//! Stretch: `Pairs::get(line, key)`, the value of the first entry named
//! `key`, borrowed from `line` (`cargo test -- --ignored`).

// #region starter
struct Pairs {
    line: String, // make this a borrow
}

impl Iterator for Pairs {
    type Item = (String, String);

    fn next(&mut self) -> Option<Self::Item> {
        let _ = &self.line;
        todo!()
    }
}
// #endregion starter

impl Pairs {
    fn get(line: &str, key: &str) -> Option<String> {
        let _ = (line, key);
        todo!("stretch goal")
    }
}

/// The stretch goal runs only when asked: `cargo run -p generic-lifetimes-exercise -- stretch`.
fn stretch() -> bool {
    std::env::args().any(|arg| arg == "stretch")
}

fn main() {
    let settings = String::from("theme=dark;font=mono");
    // `.into()` builds a `String` now and a `&str` after step 2, so `main`
    // compiles before and after it.
    let pairs = Pairs {
        line: settings.as_str().into(),
    };
    for (key, value) in pairs {
        println!("{key} -> {value}");
    }
    if stretch() {
        println!("font: {:?}", Pairs::get(&settings, "font"));
    }
}

#[cfg(test)]
#[allow(clippy::useless_conversion)] // `.into()` changes nothing once `line` is a borrow
mod tests {
    use super::Pairs;

    /// The pairs of `line` as owned strings, whatever `Item` is.
    fn pairs(line: &str) -> Vec<(String, String)> {
        let pairs = Pairs { line: line.into() };
        pairs.map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    fn owned(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn yields_each_pair() {
        assert_eq!(pairs("a=1;b=2"), owned(&[("a", "1"), ("b", "2")]));
    }

    #[test]
    fn skips_empty_entries_and_keeps_bare_keys() {
        assert_eq!(pairs(";a=1;;flag;"), owned(&[("a", "1"), ("flag", "")]));
        assert_eq!(pairs(""), owned(&[]));
    }

    #[test]
    fn items_point_into_the_line() {
        let line = String::from("k=v");
        let first = {
            let mut pairs = Pairs {
                line: line.as_str().into(),
            };
            pairs.next().unwrap()
        }; // the iterator is gone; the pair must still point into `line`
        assert_eq!(first.0.as_ptr(), line.as_ptr());
        assert_eq!(first.1.as_ptr(), line[2..].as_ptr());
    }

    #[test]
    #[ignore = "stretch goal"]
    fn get_finds_the_first_value() {
        let line = String::from("a=1;b=2;a=3");
        let value = |key| Pairs::get(&line, key).map(|v| v.to_string());
        assert_eq!(value("b"), Some("2".to_string()));
        assert_eq!(value("a"), Some("1".to_string()));
        assert_eq!(value("z"), None);
    }
}
