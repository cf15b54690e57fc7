//! expect: compile-error E0072 E0391
//!
//! A list that contains a list directly would have infinite size.

// #region recursive
enum List {
    Cons(i32, List),
    Nil,
}
// #endregion recursive

fn main() {
    let _empty = List::Nil;
}
