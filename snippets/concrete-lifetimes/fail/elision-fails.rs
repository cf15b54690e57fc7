//! expect: compile-error E0106
//!
//! Two input references and no `self`: none of the elision rules says which
//! one the result borrows from, so the compiler asks.

// #region fails
fn value_of(config: &str, key: &str) -> Option<&str> {
    config
        .lines()
        .find_map(|line| line.strip_prefix(key)?.strip_prefix('='))
}
// #endregion fails

fn main() {
    println!("{:?}", value_of("legs=10", "legs"));
}
