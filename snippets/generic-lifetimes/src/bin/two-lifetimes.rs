//! expect: runs
//!
//! Two independent lifetimes: the result is tied to `text` only, so the
//! marker can be a short-lived `String`.

// Both lifetimes are written out to show they are independent; elision
// would give `marker` its own anonymous one.
#![allow(clippy::needless_lifetimes)]

// #region two
fn after<'t, 'm>(text: &'t str, marker: &'m str) -> &'t str {
    match text.find(marker) {
        Some(i) => &text[i + marker.len()..],
        None => "",
    }
}

fn main() {
    let log = String::from("level=warn msg=disk full");
    let message;
    {
        let marker = format!("{}=", "msg");
        message = after(&log, &marker);
    } // `marker` is gone; `message` only borrows `log`
    println!("{message}");
}
// #endregion two
