//! expect: runs
//!
//! Global state without `unsafe`: an atomic for a counter or a flag,
//! `OnceLock` for a value set once at run time, `LazyLock` for one built on
//! first use, and `Mutex::new` in a `static` (it is `const`).

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{LazyLock, Mutex, OnceLock};
use std::thread;

// #region statics
static HITS: AtomicUsize = AtomicUsize::new(0);
static STOP: AtomicBool = AtomicBool::new(false);
static NAME: OnceLock<String> = OnceLock::new();
static PRIMES: LazyLock<Vec<u32>> = LazyLock::new(primes);
static LOG: Mutex<Vec<String>> = Mutex::new(Vec::new());
// #endregion statics

/// Work worth doing once, and only if someone asks.
fn primes() -> Vec<u32> {
    (2..100).filter(|n| (2..*n).all(|d| n % d != 0)).collect()
}

fn main() {
    // #region use
    NAME.set("lesson".to_string()).unwrap(); // a second set() is an Err
    thread::scope(|s| {
        for t in 0..4 {
            s.spawn(move || {
                HITS.fetch_add(1, Ordering::Relaxed);
                LOG.lock().unwrap().push(format!("t{t}"));
            });
        }
    });
    STOP.store(true, Ordering::Relaxed);
    println!(
        "{} hits, stop = {}",
        HITS.load(Ordering::Relaxed),
        STOP.load(Ordering::Relaxed)
    );
    println!(
        "{} log lines, name {:?}",
        LOG.lock().unwrap().len(),
        NAME.get()
    );
    // built here, on first use
    println!("{} primes below 100", PRIMES.len());
    // #endregion use
}
