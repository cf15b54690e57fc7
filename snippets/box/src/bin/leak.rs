//! expect: runs
//!
//! `Box::leak` gives up ownership for good and returns a `&'static mut T`:
//! the value is never dropped, so a reference to it is valid for the rest of
//! the program. `std::sync::LazyLock` gives a `&'static T` built on first use.

use std::sync::LazyLock;

fn greet() -> String {
    ["hello"; 2].join(", ")
}

// #region leak
/// Built once, at run time, on first use.
static GREETING: LazyLock<String> = LazyLock::new(greet);

/// Read at run time, kept for the rest of the program.
fn load_config(text: &str) -> &'static str {
    let owned: Box<str> = text.to_uppercase().into_boxed_str();
    Box::leak(owned) // never freed: that is the price
}

fn main() {
    let config: &'static str = load_config("mode=fast");
    let greeting: &'static String = &GREETING;
    println!("{config}");
    println!("{greeting}");
}
// #endregion leak
