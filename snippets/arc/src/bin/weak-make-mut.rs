//! expect: runs
//!
//! `Arc::downgrade` gives a `Weak` that does not keep the value alive;
//! `Arc::make_mut` changes the value in place when this handle is the only
//! one, and clones it first when it is shared (copy on write).

use std::sync::Arc;
use std::thread;

fn main() {
    // #region weak
    let config = Arc::new(String::from("v1"));
    let watcher = Arc::downgrade(&config); // no ownership
    let look = move || watcher.upgrade().is_some();
    let seen = thread::spawn(look).join().unwrap();
    println!("watcher saw a value: {seen}");
    // #endregion weak

    // #region cow
    let mut mine = Arc::new(vec![1, 2]);
    let shared = Arc::clone(&mine);
    Arc::make_mut(&mut mine).push(3); // shared: clones first
    println!("mine {mine:?}, shared {shared:?}");
    drop(shared);
    let before = Arc::as_ptr(&mine);
    Arc::make_mut(&mut mine).push(4); // unique: in place
    let same = before == Arc::as_ptr(&mine);
    println!("mine {mine:?}, same allocation: {same}");
    // #endregion cow
}
