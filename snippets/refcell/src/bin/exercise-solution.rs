//! expect: tests
//! support: exercise solution, published with the exercises

use std::cell::{Cell, RefCell};
use std::collections::HashMap;

#[derive(Default)]
struct Tally {
    counts: RefCell<HashMap<String, u32>>,
    total: Cell<u32>,
}

impl Tally {
    fn record(&self, word: &str) {
        *self
            .counts
            .borrow_mut()
            .entry(word.to_string())
            .or_insert(0) += 1;
        self.total.set(self.total.get() + 1);
    }

    fn count(&self, word: &str) -> u32 {
        self.counts.borrow().get(word).copied().unwrap_or(0)
    }

    fn total(&self) -> u32 {
        self.total.get()
    }
}

fn main() {
    let tally = Tally::default();
    let reader = &tally;
    for word in "the cat saw the dog".split(' ') {
        reader.record(word);
    }
    println!("the: {}, of {} words", tally.count("the"), tally.total());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_through_two_shared_references() {
        let tally = Tally::default();
        let (a, b) = (&tally, &tally);
        a.record("rust");
        b.record("rust");
        b.record("cell");
        assert_eq!(tally.count("rust"), 2);
        assert_eq!(tally.count("cell"), 1);
        assert_eq!(tally.total(), 3);
    }

    #[test]
    fn a_missing_word_counts_zero() {
        assert_eq!(Tally::default().count("nothing"), 0);
    }

    #[test]
    fn guards_are_short_enough_to_record_while_reading() {
        let tally = Tally::default();
        tally.record("a");
        let seen = tally.count("a");
        tally.record("a");
        assert_eq!((seen, tally.count("a")), (1, 2));
    }
}
