//! expect: compile-error E0309
//!
//! Without `T: 'a` the boxed closure could outlive a borrow inside `T`:
//! rustc refuses, and its help line suggests the bound.

use std::fmt::Debug;

// #region missing
fn shower<'a, T: Debug>(value: T) -> Box<dyn Fn() -> String + 'a> {
    Box::new(move || format!("{value:?}"))
}
// #endregion missing

fn main() {
    let name = String::from("Ferris");
    println!("{}", shower(&name)());
}
