//! expect: runs
//!
//! The three elision rules, each next to the signature the compiler reads
//! it as. Both forms compile to the same thing.

// The explicit forms are here on purpose, to show what elision fills in.
#![allow(clippy::needless_lifetimes)]

// #region rule1
// Rule 1: each elided input reference gets its own lifetime parameter.
fn count(a: &str, b: &str) -> usize {
    a.len() + b.len()
}
fn count_explicit<'a, 'b>(a: &'a str, b: &'b str) -> usize {
    a.len() + b.len()
}
// #endregion rule1

// #region rule2
// Rule 2: exactly one input lifetime? Every output reference gets it.
fn trimmed(s: &str) -> &str {
    s.trim()
}
fn trimmed_explicit<'a>(s: &'a str) -> &'a str {
    s.trim()
}
// #endregion rule2

// #region rule3
// Rule 3: a method with `&self` or `&mut self`: outputs get self's lifetime.
struct Menu {
    title: String,
}
impl Menu {
    fn label(&self, prefix: &str) -> &str {
        self.title.strip_prefix(prefix).unwrap_or(&self.title)
    }
    fn label_explicit<'s, 'p>(&'s self, prefix: &'p str) -> &'s str {
        self.title.strip_prefix(prefix).unwrap_or(&self.title)
    }
}
// #endregion rule3

fn main() {
    let menu = Menu {
        title: String::from("Menu: soups"),
    };
    println!("{} {}", count("ab", "c"), count_explicit("ab", "c"));
    println!("{:?} {:?}", trimmed(" x "), trimmed_explicit(" x "));
    println!(
        "{:?} {:?}",
        menu.label("Menu: "),
        menu.label_explicit("Menu: ")
    );
}
