//! expect: panics "not yet implemented"
//!
//! Exercise: a word tally that callers can only reach through `&self`.
//!
//! 1. `record` adds one to `word`'s count (a `RefCell<HashMap>`) and one to
//!    the total (a `Cell<u32>`).
//! 2. `count` returns how often `word` was recorded, 0 if never.
//! 3. `total` returns every recorded word, counted once each time.
//!
//! Done when `main` prints the counts and the solution's tests would pass:
//! recording through two shared references, reading a missing word, and
//! calling `record` while the result of `count` is still in use, which
//! must not panic (keep each guard short).

use std::cell::{Cell, RefCell};
use std::collections::HashMap;

#[allow(dead_code)] // the methods you write read these fields
// #region starter
#[derive(Default)]
struct Tally {
    counts: RefCell<HashMap<String, u32>>,
    total: Cell<u32>,
}

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
}
// #endregion starter

fn main() {
    let tally = Tally::default();
    let reader = &tally;
    for word in "the cat saw the dog".split(' ') {
        reader.record(word);
    }
    println!("the: {}, of {} words", tally.count("the"), tally.total());
}
