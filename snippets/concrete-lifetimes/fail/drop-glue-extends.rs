//! expect: compile-error E0502
//!
//! `drop-extends.rs` with the `Log` stored in a struct that has no `Drop`
//! of its own. Dropping `Session` drops its field, and the field's `drop`
//! may use the borrow, so the borrow still lasts until `session` is dropped.

struct Log<'a> {
    lines: &'a mut Vec<String>,
}

impl Drop for Log<'_> {
    fn drop(&mut self) {
        self.lines.push("closed".to_string());
    }
}

// #region glue
/// No `impl Drop` of its own: its field has one.
struct Session<'a> {
    log: Log<'a>,
}

fn main() {
    let mut lines = Vec::new();
    let session = Session {
        log: Log { lines: &mut lines },
    };
    session.log.lines.push("opened".to_string());

    println!("{} lines", lines.len());
}
// #endregion glue
