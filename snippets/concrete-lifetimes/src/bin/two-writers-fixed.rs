//! expect: runs
//!
//! `fail/two-writers.rs` without the later use of `first`: its borrow ends
//! where it starts, so the second `&mut` no longer overlaps it.

#[allow(unused_variables)]
fn main() {
    // #region writers
    let mut scores = vec![7, 9];
    let first = &mut scores;
    let second = &mut scores;
    second.push(11);
    // #endregion writers
    println!("{scores:?}");
}
