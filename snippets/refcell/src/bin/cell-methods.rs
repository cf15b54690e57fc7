//! expect: runs
//!
//! `Cell<T>` is not only for `Copy` types: `get` needs `Copy`, but
//! `replace`, `take` and `swap` move whole values in and out of any `T`,
//! still without ever lending a reference to the inside.

// #region methods
use std::cell::Cell;

fn main() {
    let name = Cell::new(String::from("draft"));
    let old = name.replace(String::from("final")); // put in, get the old out
    let now = name.take(); // leaves String::default() behind
    println!("old {old:?}, now {now:?}, left {:?}", name.take());

    let a = Cell::new(vec![1, 2]);
    let b = Cell::new(vec![3]);
    a.swap(&b); // exchange the two values
    println!("a {:?}, b {:?}", a.take(), b.take());
}
// #endregion methods
