//! expect: runs
//!
//! Deref coercion happens at coercion sites, where the expected type is
//! written down: a typed `let`, a function argument, a return value and a
//! struct field. Each `&String` below becomes a `&str` there.

// #region sites
struct Label<'a> {
    text: &'a str,
}

fn length(s: &str) -> usize {
    s.len()
}

/// The return site: `&String` coerced to the declared `&str`.
fn as_text(owned: &String) -> &str {
    owned
}

fn main() {
    let owned = String::from("ferris");
    let typed: &str = &owned; // typed `let`
    let n = length(&owned); // argument
    let back = as_text(&owned); // return value
    let label = Label { text: &owned }; // struct field
    println!("{typed} {n} {back} {}", label.text);
}
// #endregion sites
