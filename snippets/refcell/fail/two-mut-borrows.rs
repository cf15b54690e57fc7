//! expect: compile-error E0499
//!
//! Two `&mut` to the same vector alive at once: the borrow checker rejects
//! it before the program ever runs.

fn main() {
    // #region alias
    let mut log = Vec::new();
    let first = &mut log;
    let second = &mut log;
    first.push("from first");
    second.push("from second");
    // #endregion alias
    println!("{log:?}");
}
