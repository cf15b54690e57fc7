//! expect: panics "not yet implemented"
//!
//! Exercise: count words on several threads into one shared map.
//!
//! Write `count_words`: one thread per text; every thread adds the counts
//! of its words (split on whitespace, lower-cased) to one
//! `Arc<Mutex<HashMap<String, usize>>>`. Keep each lock short: count a text
//! into a local map first, then lock once to merge it. The solution's tests
//! check that:
//! - the counts equal a sequential count, for words spread over texts;
//! - "Arc" and "arc" are the same word; no texts gives an empty map;
//! - the function still works with 50 texts (50 threads).

use std::collections::HashMap;

// #region task
/// How often each word occurs in all `texts`, counted one thread per text.
fn count_words(texts: &[&str]) -> HashMap<String, usize> {
    let _ = texts;
    todo!("Arc<Mutex<HashMap>>, one thread per text, merge under the lock")
}
// #endregion task

fn main() {
    let counts = count_words(&["the lock and the guard", "the Arc"]);
    let mut sorted: Vec<_> = counts.into_iter().collect();
    sorted.sort();
    println!("{sorted:?}");
}
