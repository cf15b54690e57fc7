//! expect: runs
//!
//! When values are dropped: locals in reverse order of declaration, a
//! struct's fields in declaration order after the struct's own `drop`, and a
//! temporary at the end of the statement that made it.

// #region types
/// Says when it is dropped.
struct Noisy(&'static str);

impl Drop for Noisy {
    fn drop(&mut self) {
        println!("  drop {}", self.0);
    }
}

/// Two fields: dropped first to last, after `Pair::drop` itself.
struct Pair {
    _first: Noisy,
    _second: Noisy,
}

impl Drop for Pair {
    fn drop(&mut self) {
        println!("  drop pair (its fields next)");
    }
}
// #endregion types

fn make(name: &'static str) -> Noisy {
    Noisy(name)
}

fn main() {
    // #region order
    println!("locals: reverse order of declaration");
    {
        let _a = Noisy("a");
        let _b = Noisy("b");
    }
    println!("fields: in declaration order, after the struct");
    {
        let _pair = Pair {
            _first: Noisy("first"),
            _second: Noisy("second"),
        };
    }
    println!("temporary: at the end of its statement");
    let length = make("temporary").0.len();
    println!("  length {length}: the temporary is gone");
    println!("`let _ = ...` binds nothing: dropped at once");
    let _ = make("ignored");
    println!("end of main");
    // #endregion order
}
