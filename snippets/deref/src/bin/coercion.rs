//! expect: runs
//!
//! Deref coercion: `&MyBox<String>` becomes `&String`, then `&str`, to fit
//! the parameter; method calls look through the same chain. The recording
//! names the type of each reference on the way, as the compiler sees it.

use std::any::type_name_of_val;
use std::ops::Deref;

struct MyBox<T>(T);

impl<T> Deref for MyBox<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

// #region greet
fn greet(name: &str) {
    println!("Hello, {name}!");
}
// #endregion greet

/// `alloc::string::String` → `String`: the type's name without its path.
fn short(type_name: &str) -> String {
    let mut out = String::new();
    let mut word = String::new();
    let mut chars = type_name.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_alphanumeric() || c == '_' {
            word.push(c);
        } else if c == ':' && chars.peek() == Some(&':') {
            chars.next();
            word.clear();
        } else {
            out.push_str(&word);
            word.clear();
            out.push(c);
        }
    }
    out + &word
}

/// The coercions `greet(&m)` needs, one binding per deref.
fn record_chain(m: &MyBox<String>) {
    let outer: &MyBox<String> = m;
    let middle: &String = outer;
    let inner: &str = middle;
    for name in [
        type_name_of_val(&outer),
        type_name_of_val(&middle),
        type_name_of_val(&inner),
    ] {
        trace::label(&short(name));
    }
}

fn main() {
    // #region calls
    let m = MyBox(String::from("Ferris"));
    greet(&m);
    greet(&(*m)[..]);
    println!("{} letters, shouting: {}", m.len(), m.to_uppercase());
    // #endregion calls
    record_chain(&m);
}

#[cfg(test)]
mod tests {
    use super::short;

    #[test]
    fn short_drops_paths_inside_generics() {
        assert_eq!(
            short("&coercion::MyBox<alloc::string::String>"),
            "&MyBox<String>"
        );
        assert_eq!(short("&str"), "&str");
    }
}
