//! expect: compile-error E0502
//!
//! A shared borrow still in use while the vector is pushed to: the same
//! rule, "many readers or one writer", checked at compile time.

fn main() {
    // #region alias
    let mut log = vec!["start"];
    let first_entry = &log[0];
    log.push("more");
    println!("{first_entry}");
    // #endregion alias
}
