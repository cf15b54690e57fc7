//! expect: runs
//!
//! A quiz: what a read guard lets others do: more readers, no writer.

use std::sync::RwLock;

fn main() {
    // #region quiz
    let cache = RwLock::new(vec!["a"]);
    let held = cache.read().unwrap();
    println!("try_read: {}", cache.try_read().is_ok());
    println!("try_write: {}", cache.try_write().is_ok());
    drop(held);
    println!("then try_write: {}", cache.try_write().is_ok());
    // #endregion quiz
}
