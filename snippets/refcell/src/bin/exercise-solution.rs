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

    fn each(&self, mut visit: impl FnMut(&str, u32)) {
        // Copy the entries out in a `let`: the `Ref` is dropped at its `;`,
        // so `visit` may record.
        let mut entries: Vec<(String, u32)> = self
            .counts
            .borrow()
            .iter()
            .map(|(w, n)| (w.clone(), *n))
            .collect();
        entries.sort();
        for (word, n) in entries {
            visit(&word, n);
        }
    }

    /// Stretch goal: `take` swaps in an empty map; nothing is cloned.
    fn reset(&self) -> HashMap<String, u32> {
        self.total.set(0);
        self.counts.take()
    }
}

fn main() {
    let tally = Tally::default();
    let reader = &tally;
    for word in "the cat saw the dog".split(' ') {
        reader.record(word);
    }
    println!("the: {}, of {} words", tally.count("the"), tally.total());
    tally.each(|word, n| println!("{word}: {n}"));
    println!("{} words before reset", tally.reset().len());
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
        let tally = Tally::default();
        tally.record("something");
        assert_eq!(tally.count("nothing"), 0);
    }

    #[test]
    fn each_visits_words_in_order() {
        let tally = Tally::default();
        for word in "f b d a e b c".split(' ') {
            tally.record(word);
        }
        let mut seen = Vec::new();
        tally.each(|word, n| seen.push(format!("{word}={n}")));
        assert_eq!(seen, ["a=1", "b=2", "c=1", "d=1", "e=1", "f=1"]);
    }

    #[test]
    fn each_holds_no_guard_while_visiting() {
        let tally = Tally::default();
        tally.record("echo");
        // A guard held across `visit` makes this `record` panic:
        // "RefCell already borrowed".
        tally.each(|word, _| tally.record(word));
        assert_eq!(tally.count("echo"), 2);
        assert_eq!(tally.total(), 2);
    }

    #[test]
    fn reset_hands_back_the_counts() {
        let tally = Tally::default();
        tally.record("a");
        tally.record("a");
        let counts = tally.reset();
        assert_eq!(counts.get("a"), Some(&2));
        assert_eq!((tally.count("a"), tally.total()), (0, 0));
    }
}
