//! expect: runs
//!
//! A validated newtype that reads like the type it wraps. `Username`
//! implements `Deref<Target = str>` and not `DerefMut`: callers get every
//! read-only `str` method and can pass `&Username` where `&str` is wanted,
//! but cannot change the text and break the rule `new` checked.

use std::ops::Deref;

// #region newtype
pub struct Username(String);

impl Username {
    pub fn new(name: &str) -> Result<Username, String> {
        let ok = |c: char| c.is_ascii_lowercase() || c == '_';
        if name.is_empty() || !name.chars().all(ok) {
            return Err(format!("{name:?}: not lower-case"));
        }
        Ok(Username(name.to_string()))
    }
}

impl Deref for Username {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}
// #endregion newtype

fn greet(name: &str) -> String {
    format!("hello, {name}")
}

fn main() {
    // #region use
    let user = Username::new("ferris").unwrap();
    println!("{}", greet(&user)); // &str
    println!("{} chars", user.len());
    println!("{}", user.starts_with('f'));
    let bad = Username::new("Ferris");
    println!("{:?}", bad.err());
    // #endregion use
}
