//! expect: runs
//!
//! `Cell` for a `Copy` value: `get` copies it out, `set` copies it in. No
//! guard, no borrow flag, nothing that can panic.

use std::cell::Cell;

// #region cell
struct Button {
    label: &'static str,
    clicks: Cell<u32>,
}

impl Button {
    fn click(&self) {
        self.clicks.set(self.clicks.get() + 1);
    }
}
// #endregion cell

fn main() {
    // #region use
    let ok = Button {
        label: "OK",
        clicks: Cell::new(0),
    };
    let same = &ok;
    ok.click();
    same.click();
    println!("{} clicked {} times", ok.label, ok.clicks.get());
    // #endregion use
}
