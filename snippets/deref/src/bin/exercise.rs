//! expect: test-fails "not yet implemented"
//!
//! Exercise: `Trimmed`, a string with no spaces at either end.
//!
//! 1. `Trimmed::new` keeps only the trimmed text.
//! 2. `impl Deref for Trimmed` with `Target = str`, so that `shout(&t)`
//!    and `t.len()` work without any conversion at the call.
//! 3. Would `DerefMut<Target = str>` let a caller break the promise? And
//!    with `Target = String`? Answer in a comment; one test holds a hint.
//!
//! Done when `cargo test` passes: `new` trims, a `&Trimmed` is accepted
//! where `&str` is expected, and `str` methods work on a `Trimmed`.
//!
//! Stretch: implement `Borrow<str>`, so a `HashSet<Trimmed>` can be
//! searched with a `&str`; why may it agree with the derived `Hash` and
//! `Eq`? (`cargo test -- --ignored`)

use std::borrow::Borrow;
use std::ops::Deref;

#[allow(dead_code)] // your `deref` reads the field
// #region starter
#[derive(PartialEq, Eq, Hash)]
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

impl Borrow<str> for Trimmed {
    fn borrow(&self) -> &str {
        todo!("stretch goal")
    }
}

fn main() {
    let t = Trimmed::new("   hello  ");
    println!("{:?} has {} letters: {}", &*t, t.len(), shout(&t));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_trims_both_ends() {
        assert_eq!(&*Trimmed::new("  a b  "), "a b");
        assert_eq!(&*Trimmed::new("\tferris\n"), "ferris");
    }

    #[test]
    fn a_trimmed_goes_where_a_str_is_expected() {
        let t = Trimmed::new(" hi ");
        assert_eq!(shout(&t), "HI");
    }

    #[test]
    fn str_methods_work_directly() {
        let t = Trimmed::new("\tferris\n");
        assert_eq!(t.len(), 6);
        assert!(t.starts_with("fer"));
    }

    #[test]
    fn a_mut_str_cannot_break_the_promise() {
        // What `DerefMut<Target = str>` would lend: a `&mut str`. Its safe
        // in-place changes keep the length and turn no letter into a space.
        let mut text = String::from("mixed Case");
        let view: &mut str = &mut text;
        view.make_ascii_uppercase();
        assert_eq!(view, "MIXED CASE");
        assert_eq!(view.trim(), view);
        assert_eq!(&*Trimmed::new(view), "MIXED CASE");
    }

    #[test]
    #[ignore = "stretch goal"]
    fn a_set_of_trimmed_is_searched_with_a_str() {
        use std::collections::HashSet;
        let set: HashSet<Trimmed> = [" rc ", "arc"].into_iter().map(Trimmed::new).collect();
        assert!(set.contains("rc"));
        assert!(!set.contains(" rc "));
    }
}
