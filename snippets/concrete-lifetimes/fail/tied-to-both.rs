//! expect: compile-error E0597
//!
//! `tied-to-one.rs` with one lifetime for both parameters: now the result
//! may borrow from `key` too, and `key` is dropped while it is still used.

// #region sig
fn value_of<'a>(config: &'a str, key: &'a str) -> Option<&'a str> {
    let (_, rest) = config.split_once(key)?;
    rest.strip_prefix('=')?.lines().next()
}
// #endregion sig

fn main() {
    // #region both
    let config = String::from("age=3\nlegs=10");
    let legs;
    {
        let key = String::from("legs");
        legs = value_of(&config, &key);
    }
    println!("legs = {legs:?}");
    // #endregion both
}
