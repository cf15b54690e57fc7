//! expect: compile-error E0502
//!
//! A borrow held by a value that implements `Drop` lasts until that value
//! is dropped, not until its last use: `Drop::drop` may still use it.
//! Guards (`MutexGuard`, `RefMut`) are such values.

struct Log<'a> {
    lines: &'a mut Vec<String>,
}

impl Drop for Log<'_> {
    fn drop(&mut self) {
        self.lines.push("closed".to_string());
    }
}

// #region drop
fn main() {
    let mut lines = Vec::new();
    let log = Log { lines: &mut lines };
    // the last use of `log`:
    log.lines.push("opened".to_string());

    // but `log` is dropped later
    println!("{} lines", lines.len());
}
// #endregion drop
