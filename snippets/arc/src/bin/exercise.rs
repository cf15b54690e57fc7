//! expect: panics "not yet implemented"
//!
//! Exercise: share one read-only word list with several threads.
//!
//! Write `total_length`: split the work over `threads` threads, each
//! holding its own `Arc` handle to the same list (no copying the words);
//! thread `t` adds up the lengths of the words at indexes `t`,
//! `t + threads`, `t + 2 * threads`, …; the caller adds up what the threads
//! return. The solution's tests check that:
//! - the total equals a plain sequential sum, for 1, 2, 3 and 8 threads;
//! - an empty list gives 0, and more threads than words still works;
//! - once it returns, the caller's handle is the only one left
//!   (`Arc::strong_count(&words) == 1`).

use std::sync::Arc;

// #region task
/// Sum of the lengths of all `words`, computed on `threads` threads.
fn total_length(words: &Arc<Vec<String>>, threads: usize) -> usize {
    let _ = (words, threads);
    todo!("clone the Arc once per thread, spawn, then join and add up")
}
// #endregion task

fn main() {
    let words = Arc::new(
        ["borrow", "lifetime", "arc", "mutex", "rwlock"]
            .map(String::from)
            .to_vec(),
    );
    println!("total length: {}", total_length(&words, 2));
    println!("handles left: {}", Arc::strong_count(&words));
}
