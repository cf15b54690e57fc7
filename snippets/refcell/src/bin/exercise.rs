//! expect: test-fails "not yet implemented"
//!
//! Exercise: a word tally that callers can only reach through `&self`.
//!
//! 1. `record` adds one to `word`'s count (a `RefCell<HashMap>`) and one to
//!    the total (a `Cell<u32>`).
//! 2. `count` returns how often `word` was recorded, 0 if never.
//! 3. `total` returns every recorded word, counted once each time.
//! 4. `each` calls `visit` with every word and its count, in alphabetical
//!    order. `visit` may call `record` on the same tally: hold no guard
//!    while calling it.
//!
//! Done when `cargo test` passes.
//!
//! Stretch: `reset` empties the tally and returns the counts it had, with
//! no clone of the map (`cargo test -- --ignored`).

use std::cell::{Cell, RefCell};
use std::collections::HashMap;

#[allow(dead_code)] // the methods you write read these fields
#[derive(Default)]
struct Tally {
    counts: RefCell<HashMap<String, u32>>,
    total: Cell<u32>,
}

// #region starter
impl Tally {
    fn record(&self, word: &str) {
        todo!("count {word} once more, and the total")
    }

    fn count(&self, word: &str) -> u32 {
        todo!("how often {word} was recorded")
    }

    fn total(&self) -> u32 {
        todo!("all words recorded")
    }

    fn each(&self, mut visit: impl FnMut(&str, u32)) {
        let _ = &mut visit;
        todo!("call visit for every word, no guard held")
    }
}
// #endregion starter

impl Tally {
    fn reset(&self) -> HashMap<String, u32> {
        todo!("stretch goal")
    }
}

/// The stretch goal runs only when asked: `cargo run -p refcell-exercise -- stretch`.
fn stretch() -> bool {
    std::env::args().any(|arg| arg == "stretch")
}

fn main() {
    let tally = Tally::default();
    let reader = &tally;
    for word in "the cat saw the dog".split(' ') {
        reader.record(word);
    }
    println!("the: {}, of {} words", tally.count("the"), tally.total());
    tally.each(|word, n| println!("{word}: {n}"));
    if stretch() {
        println!("{} words before reset", tally.reset().len());
    }
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
    #[ignore = "stretch goal"]
    fn reset_hands_back_the_counts() {
        let tally = Tally::default();
        tally.record("a");
        tally.record("a");
        let counts = tally.reset();
        assert_eq!(counts.get("a"), Some(&2));
        assert_eq!((tally.count("a"), tally.total()), (0, 0));
    }
}
