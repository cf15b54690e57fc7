//! expect: compile-error E0072
//!
//! A list that contains a list directly would have infinite size.

// #region recursive
enum List {
    Cons(i32, List),
    Nil,
}
// #endregion recursive

fn length(list: &List) -> usize {
    match list {
        List::Cons(_, rest) => 1 + length(rest),
        List::Nil => 0,
    }
}

fn main() {
    // Nothing runs: rustc rejects the type before any code exists.
}
