//! expect: runs
//! support: exercise solution, published with the exercises
//!
//! Solution of the `arc` exercise: one `Arc` clone moves into each thread;
//! each thread drops its handle when it ends, so after the joins only the
//! caller's handle is left.

use std::sync::Arc;
use std::thread;

// #region task
/// Sum of the lengths of all `words`, computed on `threads` threads.
fn total_length(words: &Arc<Vec<String>>, threads: usize) -> usize {
    let workers: Vec<_> = (0..threads)
        .map(|t| {
            let words = Arc::clone(words);
            thread::spawn(move || {
                words
                    .iter()
                    .skip(t)
                    .step_by(threads)
                    .map(String::len)
                    .sum::<usize>()
            })
        })
        .collect();
    workers
        .into_iter()
        .map(|w| w.join().unwrap())
        .sum::<usize>()
}
// #endregion task

/// Stretch goal: scoped threads are joined before `scope` returns, so they
/// may borrow `words`; no `Arc`, no clone.
fn total_length_scoped(words: &[String], threads: usize) -> usize {
    thread::scope(|s| {
        let workers: Vec<_> = (0..threads)
            .map(|t| {
                s.spawn(move || {
                    words
                        .iter()
                        .skip(t)
                        .step_by(threads)
                        .map(String::len)
                        .sum::<usize>()
                })
            })
            .collect();
        workers.into_iter().map(|w| w.join().unwrap()).sum()
    })
}

fn main() {
    let words = Arc::new(
        ["borrow", "lifetime", "arc", "mutex", "rwlock"]
            .map(String::from)
            .to_vec(),
    );
    println!("total length: {}", total_length(&words, 2));
    println!("handles left: {}", Arc::strong_count(&words));
    println!("scoped: {}", total_length_scoped(&words, 2));
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
    fn scoped_threads_need_no_arc() {
        let list: Vec<String> = ["a", "bb", "ccc", "dddd"].map(String::from).to_vec();
        for threads in [1, 3, 6] {
            assert_eq!(total_length_scoped(&list, threads), 10, "{threads} threads");
        }
        assert_eq!(total_length_scoped(&[], 2), 0);
    }
}
