//! expect: runs
//!
//! Workers share a queue and a results list, each behind a `Mutex` inside an
//! `Arc`. Every lock is held for one push or pop, never while working. When
//! the workers are joined, their `Arc` handles are gone and the caller owns
//! the results alone: `Arc::try_unwrap` succeeds and no copy is made.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};
use std::thread;

fn main() {
    // #region queue
    let jobs: Arc<Mutex<VecDeque<u64>>> = Arc::new(Mutex::new((1..=12).collect()));
    let results = Arc::new(Mutex::new(Vec::new()));

    let workers: Vec<_> = (0..3)
        .map(|_| {
            let (jobs, results) = (Arc::clone(&jobs), Arc::clone(&results));
            thread::spawn(move || {
                loop {
                    let job = jobs.lock().unwrap().pop_front(); // lock released here
                    let Some(n) = job else { break };
                    let square = n * n; // the work happens outside any lock
                    results.lock().unwrap().push((n, square));
                }
            })
        })
        .collect();
    for worker in workers {
        worker.join().unwrap();
    }
    println!("handles left: {}", Arc::strong_count(&results));
    let mut results = Arc::try_unwrap(results).unwrap().into_inner().unwrap();
    // #endregion queue
    results.sort();
    println!("{} results, last {:?}", results.len(), results.last());
    println!("queue empty: {}", jobs.lock().unwrap().is_empty());
}

#[cfg(test)]
mod tests {
    use std::collections::VecDeque;
    use std::sync::Mutex;

    #[test]
    fn a_temporary_guard_ends_with_its_statement() {
        let jobs = Mutex::new(VecDeque::from([7]));
        let job = jobs.lock().unwrap().pop_front();
        assert!(jobs.try_lock().is_ok(), "the lock is free on the next line");
        assert_eq!(job, Some(7));
    }
}
