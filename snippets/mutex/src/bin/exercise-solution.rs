//! expect: runs
//! support: exercise solution, published with the exercises
//!
//! Solution of the `mutex` exercise: each thread counts its own text with no
//! lock held, then locks the shared map once to merge.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::thread;

// #region task
/// How often each word occurs in all `texts`, counted one thread per text.
fn count_words(texts: &[&str]) -> HashMap<String, usize> {
    let totals = Arc::new(Mutex::new(HashMap::new()));
    let workers: Vec<_> = texts
        .iter()
        .map(|text| {
            let text = text.to_lowercase();
            let totals = Arc::clone(&totals);
            thread::spawn(move || {
                let mut mine: HashMap<String, usize> = HashMap::new();
                for word in text.split_whitespace() {
                    *mine.entry(word.to_string()).or_default() += 1;
                }
                let mut totals = totals.lock().unwrap(); // one short lock
                for (word, n) in mine {
                    *totals.entry(word).or_default() += n;
                }
            })
        })
        .collect();
    for worker in workers {
        worker.join().unwrap();
    }
    let totals = Arc::into_inner(totals).expect("all threads have ended");
    totals.into_inner().unwrap()
}
// #endregion task

/// Stretch goal: each worker takes the next text in its own `let`, so the
/// queue is locked only while popping, never while counting.
fn count_words_pool(texts: &[&str], threads: usize) -> HashMap<String, usize> {
    let queue = Mutex::new(texts.to_vec());
    let totals = Mutex::new(HashMap::new());
    thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| {
                loop {
                    let next = queue.lock().unwrap().pop(); // guard dropped here
                    let Some(text) = next else { break };
                    let mut mine: HashMap<String, usize> = HashMap::new();
                    for word in text.to_lowercase().split_whitespace() {
                        *mine.entry(word.to_string()).or_default() += 1;
                    }
                    let mut totals = totals.lock().unwrap();
                    for (word, n) in mine {
                        *totals.entry(word).or_default() += n;
                    }
                }
            });
        }
    });
    totals.into_inner().unwrap()
}

fn main() {
    let counts = count_words(&["the lock and the guard", "the Arc"]);
    let mut sorted: Vec<_> = counts.into_iter().collect();
    sorted.sort();
    println!("{sorted:?}");
    println!("{}", count_words_pool(&["a pool", "a queue"], 2).len());
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
