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
    let seen = thread::spawn(move || watcher.upgrade().map(|c| c.len()))
        .join()
        .unwrap();
    println!("watcher saw a value: {}", seen.is_some());
    // #endregion weak

    // #region cow
    let mut mine = Arc::new(vec![1, 2]);
    let shared = Arc::clone(&mine);
    Arc::make_mut(&mut mine).push(3); // shared: clones the Vec first
    println!("mine {mine:?}, shared {shared:?}");
    drop(shared);
    let before = Arc::as_ptr(&mine);
    Arc::make_mut(&mut mine).push(4); // unique now: changes in place
    println!(
        "mine {mine:?}, same allocation: {}",
        before == Arc::as_ptr(&mine)
    );
    // #endregion cow
}
