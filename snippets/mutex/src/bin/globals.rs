//! expect: runs
//!
//! Global state without `unsafe`: an atomic for a counter or a flag,
//! `OnceLock` for a value set once at run time, `LazyLock` for one built on
//! first use, and `Mutex::new` in a `static` (it is `const`).

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{LazyLock, Mutex, OnceLock};
use std::thread;

// #region statics
static HITS: AtomicUsize = AtomicUsize::new(0);
static STOP: AtomicBool = AtomicBool::new(false);
static NAME: OnceLock<String> = OnceLock::new();
static CODES: LazyLock<HashMap<&str, u16>> =
    LazyLock::new(|| HashMap::from([("ok", 200), ("missing", 404)]));
static LOG: Mutex<Vec<String>> = Mutex::new(Vec::new());
// #endregion statics

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
    println!("missing is {}", CODES["missing"]);
    // #endregion use
}
