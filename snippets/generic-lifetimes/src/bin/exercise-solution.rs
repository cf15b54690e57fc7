//! expect: tests
//! support: exercise solution, published with the exercises
//!
//! `Pairs<'a>` borrows the line; every item borrows it too, for `'a`.

struct Pairs<'a> {
    line: &'a str,
}

impl<'a> Iterator for Pairs<'a> {
    type Item = (&'a str, &'a str);

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if self.line.is_empty() {
                return None;
            }
            let (entry, rest) = self.line.split_once(';').unwrap_or((self.line, ""));
            self.line = rest;
            if entry.is_empty() {
                continue;
            }
            return Some(entry.split_once('=').unwrap_or((entry, "")));
        }
    }
}

impl<'a> Pairs<'a> {
    /// Stretch goal: the value is a slice of `line`, not of `key`.
    fn get(line: &'a str, key: &str) -> Option<&'a str> {
        Pairs { line }.find(|(k, _)| *k == key).map(|(_, v)| v)
    }
}

fn main() {
    let settings = String::from("theme=dark;font=mono");
    for (key, value) in (Pairs { line: &settings }) {
        println!("{key} -> {value}");
    }
    println!("font: {:?}", Pairs::get(&settings, "font"));
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
    fn get_finds_the_first_value() {
        let line = String::from("a=1;b=2;a=3");
        let value = |key| Pairs::get(&line, key).map(|v| v.to_string());
        assert_eq!(value("b"), Some("2".to_string()));
        assert_eq!(value("a"), Some("1".to_string()));
        assert_eq!(value("z"), None);
    }
}
