//! expect: runs
//!
//! `DerefMut` adds the mutable side: `&mut MyBox<String>` coerces to
//! `&mut String`, and `push_str` reaches the inner string.

use std::ops::{Deref, DerefMut};

struct MyBox<T>(T);

impl<T> Deref for MyBox<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

// #region deref-mut
impl<T> DerefMut for MyBox<T> {
    fn deref_mut(&mut self) -> &mut T {
        &mut self.0
    }
}
// #endregion deref-mut

// #region use
fn exclaim(text: &mut String) {
    text.push('!');
}

fn main() {
    let mut m = MyBox(String::from("hello"));
    m.push_str(", world");
    exclaim(&mut m);
    *m = m.to_uppercase();
    println!("{}", *m);
}
// #endregion use
