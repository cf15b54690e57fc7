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
    fn a_set_of_trimmed_is_searched_with_a_str() {
        use std::collections::HashSet;
        let set: HashSet<Trimmed> = [" rc ", "arc"].into_iter().map(Trimmed::new).collect();
        assert!(set.contains("rc"));
        assert!(!set.contains(" rc "));
    }
}
