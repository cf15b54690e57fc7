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

fn main() {
    let settings = String::from("theme=dark;font=mono");
    for (key, value) in (Pairs { line: &settings }) {
        println!("{key} -> {value}");
    }
}

#[cfg(test)]
mod tests {
    use super::Pairs;

    #[test]
    fn yields_each_pair() {
        let pairs: Vec<_> = Pairs { line: "a=1;b=2" }.collect();
        assert_eq!(pairs, [("a", "1"), ("b", "2")]);
    }

    #[test]
    fn skips_empty_entries_and_keeps_bare_keys() {
        let pairs: Vec<_> = Pairs {
            line: ";a=1;;flag;",
        }
        .collect();
        assert_eq!(pairs, [("a", "1"), ("flag", "")]);
        assert_eq!(Pairs { line: "" }.next(), None);
    }

    #[test]
    fn pairs_outlive_the_iterator() {
        let line = String::from("k=v");
        let first = {
            let mut pairs = Pairs { line: &line };
            pairs.next()
        };
        assert_eq!(first, Some(("k", "v")));
    }

    #[test]
    fn items_point_into_the_line() {
        let line = String::from("k=v");
        let (key, _) = Pairs { line: &line }.next().unwrap();
        assert!(line.as_ptr() == key.as_ptr());
    }
}
