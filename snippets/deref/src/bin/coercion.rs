//! expect: runs
//!
//! Deref coercion: `&MyBox<String>` becomes `&String`, then `&str`, to fit
//! the parameter; method calls look through the same chain.

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

fn main() {
    // #region calls
    let m = MyBox(String::from("Ferris"));
    greet(&m);
    greet(&(*m)[..]);
    println!("{} letters, shouting: {}", m.len(), m.to_uppercase());
    // #endregion calls
}
