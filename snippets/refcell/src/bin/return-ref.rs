//! expect: runs
//!
//! `return-borrow.rs` fixed: return the guard itself, `Ref<'_, T>`, or a
//! projection of it made with `Ref::map`. The cell stays borrowed while the
//! caller holds either.

use std::cell::{Ref, RefCell};

struct Log {
    lines: RefCell<Vec<String>>,
}

// #region getter
impl Log {
    fn lines(&self) -> Ref<'_, Vec<String>> {
        self.lines.borrow()
    }
    fn first(&self) -> Ref<'_, String> {
        Ref::map(self.lines.borrow(), |v| &v[0])
    }
}
// #endregion getter

fn main() {
    // #region use
    let log = Log {
        lines: RefCell::new(vec!["start".to_string()]),
    };
    println!("{} line, first {:?}", log.lines().len(), &*log.first());
    let first = log.first();
    println!("while held: {:?}", log.lines.try_borrow_mut().map(|_| ()));
    drop(first);
    log.lines.borrow_mut().push("stop".to_string());
    println!("{} lines", log.lines().len());
    // #endregion use
}
