//! expect: tests
//! support: exercise solution, published with the exercises

use std::borrow::Borrow;
use std::ops::Deref;

// `Hash` and `Eq` of the `String` inside agree with `str`'s: what
// `Borrow<str>` promises.
#[derive(PartialEq, Eq, Hash)]
struct Trimmed(String);

impl Trimmed {
    fn new(text: &str) -> Trimmed {
        Trimmed(text.trim().to_string())
    }

    /// The one change offered: it cannot leave an outer or a double space.
    fn push_word(&mut self, word: &str) {
        let word = word.trim();
        if word.is_empty() {
            return;
        }
        if !self.0.is_empty() {
            self.0.push(' ');
        }
        self.0.push_str(word);
    }
}

impl Deref for Trimmed {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

// No `DerefMut`. With `Target = str` it would even be sound: a `&mut str`
// cannot change its length, and its safe in-place changes
// (`make_ascii_uppercase`, `make_ascii_lowercase`) never turn a letter into
// a space (see the last test). But nothing here needs in-place edits, and
// with `Target = String` a caller could `push(' ')` and break the promise.
// Implement `DerefMut` only when every change the target allows keeps it.

/// The longest text, in bytes. Generic: no deref coercion reaches `T`.
fn longest<T: AsRef<str>>(texts: &[T]) -> usize {
    texts.iter().map(|t| t.as_ref().len()).max().unwrap_or(0)
}

/// A generic `T: AsRef<str>` needs this; `Deref` alone does not reach it.
impl AsRef<str> for Trimmed {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

/// Stretch goal: a set or map of `Trimmed` can be searched with a `&str`.
impl Borrow<str> for Trimmed {
    fn borrow(&self) -> &str {
        &self.0
    }
}

fn shout(text: &str) -> String {
    text.to_uppercase()
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
    fn a_set_of_trimmed_is_searched_with_a_str() {
        use std::collections::HashSet;
        let set: HashSet<Trimmed> = [" rc ", "arc"].into_iter().map(Trimmed::new).collect();
        assert!(set.contains("rc"));
        assert!(!set.contains(" rc "));
    }
}
