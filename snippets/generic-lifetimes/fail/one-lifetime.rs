//! expect: compile-error E0597
//!
//! `two-lifetimes.rs` with a single `'a` for both parameters: the result
//! is now limited by the marker's short life.

fn after<'a>(text: &'a str, marker: &'a str) -> &'a str {
    match text.find(marker) {
        Some(i) => &text[i + marker.len()..],
        None => "",
    }
}

fn main() {
    // #region one
    let log = String::from("level=warn msg=disk full");
    let message;
    {
        let marker = format!("{}=", "msg");
        message = after(&log, &marker);
    }
    println!("{message}");
    // #endregion one
}
