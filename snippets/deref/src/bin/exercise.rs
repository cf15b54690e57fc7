//! expect: test-fails "not yet implemented"
//!
//! Exercise: `Trimmed`, a string with no spaces at either end.
//!
//! 1. `Trimmed::new` keeps only the trimmed text.
//! 2. `impl Deref for Trimmed` with `Target = str`, so that `shout(&t)`
//!    and `t.len()` work without any conversion at the call.
//! 3. Would `DerefMut<Target = str>` let a caller break the promise? And
//!    with `Target = String`? Answer in a comment; one test holds a hint.
//! 4. `push_word`: the one change `Trimmed` offers instead of `DerefMut`.
//!    It appends a trimmed word after one space and keeps the promise.
//! 5. `impl AsRef<str>`, so that `longest(&[Trimmed])` compiles: a
//!    generic `T: AsRef<str>` gets no deref coercion.
//!
//! Done when `cargo test` passes: `new` trims, a `&Trimmed` is accepted
//! where `&str` is expected, `str` methods work on a `Trimmed`, `push_word`
//! never leaves an outer or double space, and `longest` takes `Trimmed`s.
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

    fn push_word(&mut self, word: &str) {
        todo!("append {word:?}, keeping the promise")
    }
}

impl Deref for Trimmed {
    type Target = str;

    fn deref(&self) -> &str {
        todo!()
    }
}
// #endregion starter

fn shout(text: &str) -> String {
    text.to_uppercase()
}

/// The longest text, in bytes. Generic: no deref coercion reaches `T`.
fn longest<T: AsRef<str>>(texts: &[T]) -> usize {
    texts.iter().map(|t| t.as_ref().len()).max().unwrap_or(0)
}

impl AsRef<str> for Trimmed {
    fn as_ref(&self) -> &str {
        todo!()
    }
}

impl Borrow<str> for Trimmed {
    fn borrow(&self) -> &str {
        todo!("stretch goal")
    }
}

fn main() {
    let mut t = Trimmed::new("   hello  ");
    println!("{:?} has {} letters: {}", &*t, t.len(), shout(&t));
    t.push_word(" world ");
    println!("{:?}", &*t);
    let texts = [t, Trimmed::new(" rust ")];
    println!("longest: {}", longest(&texts));
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
    fn push_word_keeps_the_promise() {
        let mut t = Trimmed::new(" a ");
        t.push_word("  b ");
        t.push_word("   ");
        assert_eq!(&*t, "a b");
        let mut empty = Trimmed::new("  ");
        empty.push_word(" x");
        assert_eq!(&*empty, "x");
    }

    #[test]
    fn a_generic_function_takes_trimmed_through_as_ref() {
        let texts = [Trimmed::new(" abc "), Trimmed::new("de")];
        assert_eq!(longest(&texts), 3);
        assert_eq!(longest(&["x", "yz"]), 2);
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
