//! expect: runs
//!
//! Dining philosophers: five threads, five forks (mutexes), each needs the
//! two forks beside it. If every philosopher picks up the left fork first,
//! all five can hold one and wait forever for the other. Taking the
//! lower-numbered fork first is one global lock order: no cycle of waiting,
//! so no deadlock. The program prints only totals, which do not vary.

use std::sync::Mutex;
use std::thread;

const MEALS: u32 = 1_000;

// #region dine
/// Forks `seat` and `seat + 1` (mod 5).
fn dine(seat: usize, forks: &[Mutex<u32>]) {
    let other = (seat + 1) % forks.len();
    // one order for all: the lower number first
    let lo = seat.min(other);
    let hi = seat.max(other);
    for _ in 0..MEALS {
        let mut a = forks[lo].lock().unwrap();
        let mut b = forks[hi].lock().unwrap();
        *a += 1; // each fork counts its uses
        *b += 1;
    }
}
// #endregion dine

// #region main
fn main() {
    let forks: [Mutex<u32>; 5] = Default::default();
    thread::scope(|s| {
        for seat in 0..forks.len() {
            let forks = &forks;
            s.spawn(move || dine(seat, forks));
        }
    });
    let n = forks.map(|f| f.into_inner().unwrap());
    println!("fork uses: {n:?}");
}
// #endregion main
