//! expect: compile-error E0614
//!
//! `MyBox` holds a value, but without `Deref` the compiler does not know
//! what `*` should mean for it.

// #region mybox
struct MyBox<T>(T);

impl<T> MyBox<T> {
    fn new(value: T) -> MyBox<T> {
        MyBox(value)
    }
}
// #endregion mybox

fn main() {
    // #region star
    let x = 5;
    let b = MyBox::new(x);
    assert_eq!(5, *b);
    // #endregion star
}
