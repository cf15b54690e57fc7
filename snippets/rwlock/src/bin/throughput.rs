//! expect: runs (output varies)
//!
//! What a `RwLock` costs and what it buys, measured on this machine:
//! - the cost of one uncontended lock and unlock: `Mutex`, `RwLock` read,
//!   `RwLock` write;
//! - read throughput when several threads only read a shared table, each
//!   read long enough (summing 1 024 numbers) that readers can overlap.
//!
//! Each figure is the best of a few short rounds, well under a second in
//! all. The slide shows the figures of the last check, labelled as such.

use std::hint::black_box;
use std::sync::{Barrier, Mutex, RwLock};
use std::thread;
use std::time::Instant;

const LOCKS: u32 = 500_000;
const READS: u32 = 20_000;
const ROUNDS: usize = 3;

fn best(mut round: impl FnMut() -> f64, better: fn(f64, f64) -> f64) -> f64 {
    (0..ROUNDS).map(|_| round()).reduce(better).unwrap()
}

/// Nanoseconds per lock-and-unlock on one thread.
fn per_lock_ns(mut lock_unlock: impl FnMut()) -> f64 {
    best(
        || {
            let start = Instant::now();
            for _ in 0..LOCKS {
                lock_unlock();
            }
            start.elapsed().as_nanos() as f64 / f64::from(LOCKS)
        },
        f64::min,
    )
}

// #region readers
/// Reads per millisecond, all `threads` together, each read summing the table.
fn reads_per_ms(threads: usize, read: impl Fn() -> u64 + Sync) -> f64 {
    best(
        || {
            let start_line = Barrier::new(threads + 1);
            thread::scope(|s| {
                for _ in 0..threads {
                    s.spawn(|| {
                        start_line.wait();
                        for _ in 0..READS {
                            black_box(read()); // lock, sum, unlock
                        }
                    });
                }
                start_line.wait();
                Instant::now() // the scope ends when every reader is done
            })
            .elapsed()
            .as_secs_f64()
        },
        f64::min,
    )
    .recip()
        * f64::from(READS)
        * threads as f64
        / 1_000.0
}
// #endregion readers

fn main() {
    let table: Vec<u64> = (0..1_024).collect();
    let mutex = Mutex::new(table.clone());
    let rwlock = RwLock::new(table);

    let mutex_ns = per_lock_ns(|| drop(black_box(&mutex).lock().unwrap()));
    let read_ns = per_lock_ns(|| drop(black_box(&rwlock).read().unwrap()));
    let write_ns = per_lock_ns(|| drop(black_box(&rwlock).write().unwrap()));

    // At least four readers, so that they contend even on a small machine;
    // the core count is printed, since the gain depends on it.
    let cores = thread::available_parallelism().map_or(1, |n| n.get());
    let readers = cores.clamp(4, 8);
    // #region compare
    let with_mutex = reads_per_ms(readers, || mutex.lock().unwrap().iter().sum());
    let with_rwlock = reads_per_ms(readers, || rwlock.read().unwrap().iter().sum());
    // #endregion compare

    trace::measure("mutex-lock", mutex_ns, "ns");
    trace::measure("rwlock-read", read_ns, "ns");
    trace::measure("rwlock-write", write_ns, "ns");
    trace::measure("cores", cores as f64, "cores");
    trace::measure("readers", readers as f64, "threads");
    trace::measure("mutex-reads", with_mutex, "reads/ms");
    trace::measure("rwlock-reads", with_rwlock, "reads/ms");
    println!("one lock + unlock, no contention:");
    println!("  Mutex::lock     {mutex_ns:6.1} ns");
    println!("  RwLock::read    {read_ns:6.1} ns");
    println!("  RwLock::write   {write_ns:6.1} ns");
    println!("{readers} threads on {cores} cores only reading a 1 024-number table:");
    println!("  Mutex   {with_mutex:8.0} reads/ms");
    println!(
        "  RwLock  {with_rwlock:8.0} reads/ms  ({:.1}x)",
        with_rwlock / with_mutex
    );
}
