//! expect: runs
//!
//! The returned reference is tied to `config` only, so the key may be a
//! temporary that is gone before the result is used.

// #region tied
/// Looks `key` up in lines of `key=value`.
/// The result borrows from `config`, never from `key`.
fn value_of<'c>(config: &'c str, key: &str) -> Option<&'c str> {
    config
        .lines()
        .find_map(|line| line.strip_prefix(key)?.strip_prefix('='))
}

fn main() {
    let config = String::from("name=ferris\nlegs=10");
    let legs;
    {
        let key = String::from("legs");
        legs = value_of(&config, &key);
    } // `key` is dropped here: fine, `legs` does not borrow it
    println!("legs = {legs:?}");
}
// #endregion tied
