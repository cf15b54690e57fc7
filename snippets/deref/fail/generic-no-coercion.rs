//! expect: compile-error E0277
//!
//! Deref coercion happens only where the expected type is known (a typed
//! `let`, an argument, a return value, a struct field). A generic parameter
//! `T: Trait` is not such a site: `&String` is not coerced to `&str`, and
//! `String` does not implement the trait.

trait Shout {
    fn shout(&self) -> String;
}

impl Shout for str {
    fn shout(&self) -> String {
        self.to_uppercase()
    }
}

// #region fails
fn loud<T: Shout + ?Sized>(value: &T) -> String {
    value.shout()
}

fn main() {
    let name = String::from("ferris");
    println!("{}", loud(&name)); // T = String
}
// #endregion fails
