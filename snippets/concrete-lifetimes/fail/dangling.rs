//! expect: compile-error E0597
//!
//! A reference that would outlive the value it points at: `word` is dropped
//! at the end of the inner block, but `shortest` is read after it.

fn main() {
    // #region dangling
    let shortest;
    {
        let word = String::from("ferris");
        shortest = &word;
    }
    println!("shortest: {shortest}");
    // #endregion dangling
}
