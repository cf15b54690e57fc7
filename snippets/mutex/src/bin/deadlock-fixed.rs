//! expect: runs
//!
//! The live fix for the inverted order in `mutex/deadlock`: both threads
//! take `a` first, then `b`. Whoever gets `a` first finishes; the other
//! waits its turn. Plain `lock()` everywhere, and it always returns.

use std::sync::Mutex;
use std::thread;

fn main() {
    let a = Mutex::new(100);
    let b = Mutex::new(100);
    // #region ordered
    thread::scope(|s| {
        s.spawn(|| {
            let mut from = a.lock().unwrap(); // a first ...
            let mut to = b.lock().unwrap(); //   ... then b
            *from -= 10;
            *to += 10;
        });
        s.spawn(|| {
            let mut to = a.lock().unwrap(); //   a first here too
            let mut from = b.lock().unwrap();
            *from -= 25;
            *to += 25;
        });
    });
    // #endregion ordered
    println!("a = {}, b = {}", a.lock().unwrap(), b.lock().unwrap());
}
