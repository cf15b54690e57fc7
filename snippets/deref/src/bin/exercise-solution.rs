//! expect: tests
//! support: exercise solution, published with the exercises

use std::ops::Deref;

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
    }

    #[test]
    fn a_trimmed_goes_where_a_str_is_expected() {
        let t = Trimmed::new(" hi ");
        assert_eq!(shout(&t), "HI");
    }

    #[test]
    fn a_mut_str_cannot_break_the_promise() {
        let mut text = Trimmed::new(" mixed Case ").0;
        let view: &mut str = &mut text; // what DerefMut<Target = str> would lend
        view.make_ascii_uppercase();
        assert_eq!(view, "MIXED CASE");
        assert_eq!(view.trim(), view);
    }

    #[test]
    fn str_methods_work_directly() {
        let t = Trimmed::new("\tferris\n");
        assert_eq!(t.len(), 6);
        assert!(t.starts_with("fer"));
    }
}
