//! expect: test-fails "not yet implemented"
//!
//! Exercise: count words on several threads into one shared map.
//!
//! Write `count_words`: one thread per text; every thread adds the counts
//! of its words (split on whitespace, lower-cased) to one
//! `Arc<Mutex<HashMap<String, usize>>>`. Keep each lock short: count a text
//! into a local map first, then lock once to merge it. `cargo test` runs
//! the tests that check that:
//! - the counts equal a sequential count, for words spread over texts;
//! - "Arc" and "arc" are the same word; no texts gives an empty map;
//! - the function still works with 50 texts (50 threads).
//!
//! Stretch: `count_words_pool` uses a fixed number of scoped threads that
//! take texts from one `Mutex<Vec<&str>>` until it is empty. Take each
//! text out in its own `let`: a `while let` on `queue.lock()` would keep
//! the queue locked while counting (`cargo test -- --ignored`).

use std::collections::HashMap;

// #region task
/// How often each word occurs in all `texts`, counted one thread per text.
fn count_words(texts: &[&str]) -> HashMap<String, usize> {
    let _ = texts;
    todo!("Arc<Mutex<HashMap>>, one thread per text, merge under the lock")
}
// #endregion task

/// Stretch goal: `threads` scoped workers share one queue of texts.
fn count_words_pool(texts: &[&str], threads: usize) -> HashMap<String, usize> {
    let _ = (texts, threads);
    todo!("stretch goal")
}

/// The stretch goal runs only when asked: `cargo run -p mutex-exercise -- stretch`.
fn stretch() -> bool {
    std::env::args().any(|arg| arg == "stretch")
}

fn main() {
    let counts = count_words(&["the lock and the guard", "the Arc"]);
    let mut sorted: Vec<_> = counts.into_iter().collect();
    sorted.sort();
    println!("{sorted:?}");
    if stretch() {
        println!("{}", count_words_pool(&["a pool", "a queue"], 2).len());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equals_a_sequential_count() {
        let texts = ["a b a", "b c", "a"];
        let counts = count_words(&texts);
        let expected = HashMap::from([("a".into(), 3), ("b".into(), 2), ("c".into(), 1)]);
        assert_eq!(counts, expected);
    }

    #[test]
    fn case_is_ignored_and_no_texts_is_empty() {
        assert_eq!(count_words(&["Arc arc ARC"])["arc"], 3);
        assert!(count_words(&[]).is_empty());
    }

    #[test]
    fn fifty_threads() {
        let texts = vec!["lock guard"; 50];
        let counts = count_words(&texts);
        assert_eq!(counts["lock"], 50);
        assert_eq!(counts["guard"], 50);
    }

    #[test]
    #[ignore = "stretch goal"]
    fn a_pool_counts_the_same() {
        let texts = ["a b", "B c", "a", "", "c c"];
        for threads in [1, 2, 4] {
            assert_eq!(
                count_words_pool(&texts, threads),
                count_words(&texts),
                "{threads} threads"
            );
        }
    }
}
