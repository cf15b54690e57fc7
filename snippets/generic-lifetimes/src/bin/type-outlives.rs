//! expect: runs
//!
//! `T: 'a` means "every borrow inside `T` outlives `'a`". A boxed closure
//! that keeps a `T` lives at most `'a`, so `T` must last that long: an
//! owned `Vec` always does, a `&String` as long as the `String` lives.

use std::fmt::Debug;

// #region bound
/// A closure that shows `value` later: it keeps `value`, so it can
/// live only as long as every borrow inside `T`.
fn shower<'a, T: Debug + 'a>(value: T) -> Box<dyn Fn() -> String + 'a> {
    Box::new(move || format!("{value:?}"))
}
// #endregion bound

fn main() {
    // #region use
    let name = String::from("Ferris");
    let by_ref = shower(&name); // T = &String
    let owned = shower(vec![1, 2]); // T = Vec<i32>
    println!("{} and {}", by_ref(), owned());
    // #endregion use
}

#[cfg(test)]
mod tests {
    use super::shower;

    #[test]
    fn a_shower_may_borrow_and_may_own() {
        let text = String::from("x");
        assert_eq!(shower(&text)(), "\"x\"");
        assert_eq!(shower(7)(), "7");
    }
}
