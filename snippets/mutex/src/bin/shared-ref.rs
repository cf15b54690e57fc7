//! expect: runs
//!
//! Interior mutability for threads: `Mutex<T>` is `Sync` when `T` is
//! `Send`, so a plain shared reference `&Mutex<T>` may cross threads and
//! still change the value, one thread at a time. Scoped threads borrow it,
//! so no `Arc` is needed here.

use std::sync::Mutex;
use std::thread;

// #region shared
/// Takes `&`, not `&mut`: the mutex decides who may write, at run time.
fn record(log: &Mutex<Vec<String>>, entry: String) {
    log.lock().unwrap().push(entry);
}

fn main() {
    let log = Mutex::new(Vec::new());
    thread::scope(|s| {
        for id in 1..=3 {
            let log = &log; // many shared borrows, one per thread
            s.spawn(move || record(log, format!("worker {id} done")));
        }
    });
    let mut entries = log.into_inner().unwrap(); // no threads left: take it back
    entries.sort();
    println!("{entries:#?}");
}
// #endregion shared
