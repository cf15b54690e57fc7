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
    let read_ok = config.try_read().is_ok();
    println!("writing: others may read = {read_ok}");

    // still locked, now shared
    let reader = RwLockWriteGuard::downgrade(writer);
    println!("read back: {}", *reader);
    let read_ok = config.try_read().is_ok();
    let write_ok = config.try_write().is_ok();
    println!("now: read = {read_ok}, write = {write_ok}");
}
// #endregion downgrade
