//! expect: runs
//!
//! Dining philosophers: five threads, five forks (mutexes), each needs the
//! two forks beside it. If every philosopher picks up the left fork first,
//! all five can hold one and wait forever for the other. Taking the
//! lower-numbered fork first is one global lock order: no cycle of waiting,
//! so no deadlock. The program prints only totals, which do not vary.

use std::sync::{Arc, Mutex};
use std::thread;

const PHILOSOPHERS: usize = 5;
const MEALS: u32 = 1_000;

// #region dine
fn main() {
    let forks: Vec<Mutex<u32>> = (0..PHILOSOPHERS).map(|_| Mutex::new(0)).collect();
    let forks = Arc::new(forks); // fork i sits between seats i-1 and i
    let mut diners = Vec::new();
    for seat in 0..PHILOSOPHERS {
        let forks = Arc::clone(&forks);
        diners.push(thread::spawn(move || {
            let (left, right) = (seat, (seat + 1) % PHILOSOPHERS);
            // One order for everyone: the lower number first.
            let (first, second) = (left.min(right), left.max(right));
            for _ in 0..MEALS {
                let mut a = forks[first].lock().unwrap();
                let mut b = forks[second].lock().unwrap();
                *a += 1; // each fork counts how often it was used
                *b += 1;
            }
        }));
    }
    for d in diners {
        d.join().unwrap();
    }
    let uses: Vec<u32> = forks.iter().map(|f| *f.lock().unwrap()).collect();
    println!("fork uses: {uses:?}");
}
// #endregion dine
