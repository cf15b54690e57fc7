//! expect: runs
//! support: a quiz's wrong choice, the real outcome of `try-while-reading` without `drop(held)`
//!
//! A read guard bound to `_held` lives to the end of `main`: the writer is
//! still refused at the last line.

use std::sync::RwLock;

fn main() {
    let cache = RwLock::new(vec!["a"]);
    let _held = cache.read().unwrap();
    println!("try_read: {}", cache.try_read().is_ok());
    println!("try_write: {}", cache.try_write().is_ok());
    println!("then try_write: {}", cache.try_write().is_ok());
}
