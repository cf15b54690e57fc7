//! expect: panics "not yet implemented"
//!
//! Exercise: `Trimmed`, a string with no spaces at either end.
//!
//! 1. `Trimmed::new` keeps only the trimmed text.
//! 2. `impl Deref for Trimmed` with `Target = str`, so that `shout(&t)`
//!    and `t.len()` work without any conversion at the call.
//! 3. Decide, and say in a comment, why `Trimmed` must not get `DerefMut`.
//!
//! Done when `main` prints and the solution's tests would pass: `new` trims,
//! a `&Trimmed` is accepted where `&str` is expected, and `str` methods
//! work on a `Trimmed` directly.

use std::ops::Deref;

#[allow(dead_code)] // your `deref` reads the field
                    // #region starter
struct Trimmed(String);

impl Trimmed {
    fn new(text: &str) -> Trimmed {
        todo!("keep {text:?} without its outer spaces")
    }
}

impl Deref for Trimmed {
    type Target = str;

    fn deref(&self) -> &str {
        todo!()
    }
}

fn shout(text: &str) -> String {
    text.to_uppercase()
}
// #endregion starter

fn main() {
    let t = Trimmed::new("   hello  ");
    println!("{:?} has {} letters: {}", &*t, t.len(), shout(&t));
}
