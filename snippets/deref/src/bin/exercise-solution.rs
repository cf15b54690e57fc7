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

// No `DerefMut`: a `&mut str` would let callers write spaces back in, and
// `Trimmed` could no longer promise what its name says.

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
    fn str_methods_work_directly() {
        let t = Trimmed::new("\tferris\n");
        assert_eq!(t.len(), 6);
        assert!(t.starts_with("fer"));
    }
}
