//! expect: compile-error E0716
//!
//! A temporary lives until the end of its statement; a reference into it
//! cannot be kept in a variable.

fn main() {
    // #region temp
    let name: &str = String::from("  ferris ").trim();
    println!("[{name}]");
    // #endregion temp
}
