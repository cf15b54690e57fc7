//! expect: compile-error E0308
//!
//! The one direction deref coercion never takes: from `&T` to `&mut U`.
//! A shared reference cannot become the only, writable one.

use std::ops::{Deref, DerefMut};

struct MyBox<T>(T);

impl<T> Deref for MyBox<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T> DerefMut for MyBox<T> {
    fn deref_mut(&mut self) -> &mut T {
        &mut self.0
    }
}

fn write(s: &mut String) {
    s.push_str("+1");
}

fn main() {
    // #region refused
    let mut m = MyBox(String::from("v1"));
    let shared = &m;
    write(shared);
    // #endregion refused
    m.push('!');
}
