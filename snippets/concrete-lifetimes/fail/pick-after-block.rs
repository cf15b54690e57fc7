//! expect: compile-error E0597
//! support: witness for the note on `concrete-vs-generic`: `pick` declared before the block
//!
//! `concrete-vs-generic.rs` with `pick` declared before the block and
//! printed after it: the region chosen for `'a` would have to reach past
//! the brace where `river` is dropped.

fn longer<'a>(x: &'a str, y: &'a str) -> &'a str {
    if x.len() >= y.len() { x } else { y }
}

fn main() {
    let city = String::from("Lisbon");
    let pick;
    {
        let river = String::from("Tagus");
        pick = longer(&city, &river);
    }
    println!("longer: {pick}");
}
