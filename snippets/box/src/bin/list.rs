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
    fn the_tag_takes_no_extra_space() {
        // `Nil` is not the null pointer here: rustc adds a tag, and fits it
        // in the bytes the `i32` would leave as padding beside the pointer,
        // so the enum is no bigger than its `Cons` fields. Which bytes hold
        // the tag is rustc's choice: `repr(Rust)` layout is unspecified, so
        // only the size is asserted.
        assert_eq!(size_of::<List>(), size_of::<(i32, Box<List>)>());
    }
}
