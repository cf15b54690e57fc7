//! expect: runs
//! support: a quiz's wrong choice, the real outcome of `try-while-reading` with a write guard
//!
//! A write guard shuts out readers and writers alike.

use std::sync::RwLock;

fn main() {
    let cache = RwLock::new(vec!["a"]);
    let held = cache.write().unwrap();
    println!("try_read: {}", cache.try_read().is_ok());
    println!("try_write: {}", cache.try_write().is_ok());
    drop(held);
    println!("then try_write: {}", cache.try_write().is_ok());
}
