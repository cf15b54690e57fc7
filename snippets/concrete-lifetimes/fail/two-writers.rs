//! expect: compile-error E0499
//!
//! Two mutable borrows of `scores` whose uses overlap.

fn main() {
    // #region writers
    let mut scores = vec![7, 9];
    let first = &mut scores;
    let second = &mut scores;
    first.push(10);
    second.push(11);
    // #endregion writers
}
