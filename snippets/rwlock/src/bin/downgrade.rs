//! expect: runs
//!
//! `RwLockWriteGuard::downgrade` (stable since Rust 1.92) turns a write
//! guard into a read guard without unlocking: no writer can slip in between
//! the write and the read, and other readers may join at once.

use std::sync::{RwLock, RwLockWriteGuard};

// #region downgrade
fn main() {
    let config = RwLock::new(String::from("v1"));
    let mut writer = config.write().unwrap();
    writer.push_str("+patch");
    println!("writing: others may read = {}", config.try_read().is_ok());

    let reader = RwLockWriteGuard::downgrade(writer); // still locked, now shared
    println!("read back: {}", *reader);
    println!("now others may read = {}", config.try_read().is_ok());
    println!("now others may write = {}", config.try_write().is_ok());
}
// #endregion downgrade
