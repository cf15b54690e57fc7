//! expect: runs
//!
//! The recursive list made finite: each `Cons` holds a pointer to the rest.

// #region enum
#[derive(Debug)]
enum List {
    Cons(i32, Box<List>),
    Nil,
}
use List::{Cons, Nil};
// #endregion enum

impl List {
    fn sum(&self) -> i32 {
        match self {
            Cons(value, rest) => value + rest.sum(),
            Nil => 0,
        }
    }
}

// #region main
fn main() {
    let list = Cons(1, Box::new(Cons(2, Box::new(Cons(3, Box::new(Nil))))));
    println!("{list:?}");
    println!("sum = {}", list.sum());
    println!("size_of::<List>() = {} bytes", size_of::<List>());
}
// #endregion main

#[cfg(test)]
mod tests {
    use super::List;

    #[test]
    fn the_tag_fits_in_the_padding() {
        // `Nil` is not the null pointer here: rustc adds a tag, and puts it
        // in the padding after the `i32`, so the enum is no bigger than
        // its `Cons` fields. `repr(Rust)` layout is rustc's choice, not a promise.
        assert_eq!(size_of::<List>(), size_of::<(i32, Box<List>)>());
    }
}
