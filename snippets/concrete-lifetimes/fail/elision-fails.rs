//! expect: compile-error E0106
//!
//! Two input references and no `self`: none of the elision rules says which
//! one the result borrows from, so the compiler asks.

// #region fails
fn value_of(config: &str, key: &str) -> Option<&str> {
    let (_, rest) = config.split_once(key)?;
    rest.strip_prefix('=')?.lines().next()
}
// #endregion fails

fn main() {
    println!("{:?}", value_of("legs=10", "legs"));
}
