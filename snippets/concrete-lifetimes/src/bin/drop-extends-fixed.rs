//! expect: runs
//!
//! `fail/drop-extends.rs` with `drop(log)` before the read: the value that
//! holds the borrow is dropped, so the borrow ends there.

struct Log<'a> {
    lines: &'a mut Vec<String>,
}

impl Drop for Log<'_> {
    fn drop(&mut self) {
        self.lines.push("closed".to_string());
    }
}

fn main() {
    // #region fixed
    let mut lines = Vec::new();
    let log = Log { lines: &mut lines };
    log.lines.push("opened".to_string());
    drop(log); // Drop runs now: the borrow ends
    println!("{} lines: {lines:?}", lines.len());
    // #endregion fixed
}
