//! expect: runs
//!
//! The returned reference is tied to `config` only, so the key may be a
//! temporary that is gone before the result is used.

// #region tied
/// The value set for `key`, borrowed from `config` only.
fn value_of<'c>(config: &'c str, key: &str) -> Option<&'c str> {
    let (_, rest) = config.split_once(key)?;
    rest.strip_prefix('=')?.lines().next()
}

fn main() {
    let config = String::from("age=3\nlegs=10");
    let legs;
    {
        let key = String::from("legs");
        legs = value_of(&config, &key);
    } // `key` is dropped: fine, `legs` does not borrow it
    println!("legs = {legs:?}");
}
// #endregion tied
