//! expect: runs
//!
//! `impl Deref` tells the compiler what `*` means for `MyBox`: `*b` becomes
//! `*(b.deref())`.

use std::ops::Deref;

struct MyBox<T>(T);

impl<T> MyBox<T> {
    fn new(value: T) -> MyBox<T> {
        MyBox(value)
    }
}

// #region deref
impl<T> Deref for MyBox<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}
// #endregion deref

fn main() {
    // #region star
    let b = MyBox::new(5);
    assert_eq!(5, *b);
    assert_eq!(5, *(b.deref()));
    println!("*b = {}", *b);
    // #endregion star
}
