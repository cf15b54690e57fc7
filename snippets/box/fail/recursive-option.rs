//! expect: compile-error E0072
//!
//! A quiz: `recursive-list` with `Option<List>`: an `Option` holds its
//! value inline, so the size is still infinite.

// #region quiz
enum List {
    Cons(i32, Option<List>),
    Nil,
}
// #endregion quiz

fn main() {}
