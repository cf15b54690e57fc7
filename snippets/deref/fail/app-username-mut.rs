//! expect: compile-error E0596
//!
//! `Username` has `Deref` but no `DerefMut`, so a method that needs
//! `&mut str` cannot reach through it: the invariant stays checked.

use std::ops::Deref;

pub struct Username(String);

impl Deref for Username {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

fn main() {
    let mut user = Username(String::from("ferris"));
    // #region mutate
    user.make_ascii_uppercase();
    // #endregion mutate
    println!("{}", &*user);
}
