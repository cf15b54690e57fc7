//! expect: runs
//!
//! The three elision rules, each next to the signature the compiler reads
//! it as. Both forms compile to the same thing.

// The explicit forms are here on purpose, to show what elision fills in.
#![allow(clippy::needless_lifetimes)]

// #region rules
// Rule 1: each elided input reference gets its own lifetime parameter.
fn count(a: &str, b: &str) -> usize {
    a.len() + b.len()
}
fn count_explicit<'a, 'b>(a: &'a str, b: &'b str) -> usize {
    a.len() + b.len()
}

// Rule 2: exactly one input lifetime? Every output reference gets it.
fn trimmed(s: &str) -> &str {
    s.trim()
}
fn trimmed_explicit<'a>(s: &'a str) -> &'a str {
    s.trim()
}

// Rule 3: a method with `&self` or `&mut self`: outputs get self's lifetime.
struct Menu {
    items: Vec<String>,
}
impl Menu {
    fn find(&self, prefix: &str) -> Option<&str> {
        self.items
            .iter()
            .map(String::as_str)
            .find(|i| i.starts_with(prefix))
    }
    fn find_explicit<'s, 'p>(&'s self, prefix: &'p str) -> Option<&'s str> {
        self.items
            .iter()
            .map(String::as_str)
            .find(|i| i.starts_with(prefix))
    }
}
// #endregion rules

fn main() {
    let menu = Menu {
        items: vec!["soup".into(), "salad".into()],
    };
    println!("{} {}", count("ab", "c"), count_explicit("ab", "c"));
    println!("{:?} {:?}", trimmed(" x "), trimmed_explicit(" x "));
    println!("{:?} {:?}", menu.find("sa"), menu.find_explicit("sa"));
}
