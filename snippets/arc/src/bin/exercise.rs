//! expect: test-fails "not yet implemented"
//!
//! Exercise: share one read-only word list with several threads.
//!
//! Write `total_length`: split the work over `threads` threads, each
//! holding its own `Arc` handle to the same list (no copying the words);
//! thread `t` adds up the lengths of the words at indexes `t`,
//! `t + threads`, `t + 2 * threads`, …; the caller adds up what the threads
//! return. `cargo test` runs the tests that check that:
//! - the total equals a plain sequential sum, for 1, 2, 3 and 8 threads;
//! - an empty list gives 0, and more threads than words still works;
//! - once it returns, the caller's handle is the only one left
//!   (`Arc::strong_count(&words) == 1`).
//!
//! Stretch: `total_length_scoped` does the same with `thread::scope` and a
//! plain `&[String]`: no `Arc` at all (`cargo test -- --ignored`). Here the
//! scoped version wins: every thread is joined before the function returns,
//! so borrowing is enough and nothing is counted. `Arc` is what you need
//! when a thread may outlive the caller (`thread::spawn` wants `'static`),
//! such as a background worker that keeps the list after `main` moves on.

use std::sync::Arc;

// #region task
/// Sum of the lengths of all `words`, computed on `threads` threads.
fn total_length(words: &Arc<Vec<String>>, threads: usize) -> usize {
    let _ = (words, threads);
    todo!("clone the Arc once per thread, spawn, then join and add up")
}
// #endregion task

/// Stretch goal: the same sum with `thread::scope`, borrowing `words`.
fn total_length_scoped(words: &[String], threads: usize) -> usize {
    let _ = (words, threads);
    todo!("stretch goal")
}

/// The stretch goal runs only when asked: `cargo run -p arc-exercise -- stretch`.
fn stretch() -> bool {
    std::env::args().any(|arg| arg == "stretch")
}

fn main() {
    let words = Arc::new(
        ["borrow", "lifetime", "arc", "mutex", "rwlock"]
            .map(String::from)
            .to_vec(),
    );
    println!("total length: {}", total_length(&words, 2));
    println!("handles left: {}", Arc::strong_count(&words));
    if stretch() {
        println!("scoped: {}", total_length_scoped(&words, 2));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(list: &[&str]) -> Arc<Vec<String>> {
        Arc::new(list.iter().map(|w| (*w).to_string()).collect())
    }

    #[test]
    fn matches_a_sequential_sum() {
        let list = words(&["a", "bb", "ccc", "dddd", "eeeee", "ffffff", "g"]);
        let expected: usize = list.iter().map(String::len).sum();
        for threads in [1, 2, 3, 8] {
            assert_eq!(total_length(&list, threads), expected, "{threads} threads");
        }
    }

    #[test]
    fn empty_list_and_more_threads_than_words() {
        assert_eq!(total_length(&words(&[]), 4), 0);
        assert_eq!(total_length(&words(&["xy"]), 5), 2);
    }

    #[test]
    fn only_the_callers_handle_is_left() {
        let list = words(&["one", "two", "three"]);
        assert_eq!(total_length(&list, 3), 11);
        assert_eq!(Arc::strong_count(&list), 1);
    }

    #[test]
    #[ignore = "stretch goal"]
    fn scoped_threads_need_no_arc() {
        let list: Vec<String> = ["a", "bb", "ccc", "dddd"].map(String::from).to_vec();
        for threads in [1, 3, 6] {
            assert_eq!(total_length_scoped(&list, threads), 10, "{threads} threads");
        }
        assert_eq!(total_length_scoped(&[], 2), 0);
    }
}
