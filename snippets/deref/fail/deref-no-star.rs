//! expect: compile-error E0277
//!
//! A quiz: `MyBox` with its `Deref`, compared without `*`: `==` takes the
//! values as they are, and deref coercion does not apply to it.

use std::ops::Deref;

// #region quiz
struct MyBox<T>(T);

impl<T> Deref for MyBox<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

fn main() {
    let b = MyBox(5);
    assert_eq!(5, b);
}
// #endregion quiz
