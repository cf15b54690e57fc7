//! expect: runs
//!
//! A concrete lifetime is a region of this program: from a borrow to its
//! last use, inside the scope of the value it borrows. A generic lifetime
//! (`'a`) is a parameter of a signature; each call fills it in with a
//! concrete one, chosen by the compiler at that call.

// #region both
/// `'a` is generic: a placeholder, like `T`.
fn longer<'a>(x: &'a str, y: &'a str) -> &'a str {
    if x.len() >= y.len() { x } else { y }
}

fn main() {
    let city = String::from("Lisbon");
    let region = &city; // concrete: from here ...
    println!("borrowed: {region}"); // ... to this last use
    {
        let river = String::from("Tagus");
        // here `'a` is one concrete region, inside
        // the part where both `city` and `river` live
        let pick = longer(&city, &river);
        println!("longer: {pick}");
    } // `river` dropped: the region must end by here
}
// #endregion both
