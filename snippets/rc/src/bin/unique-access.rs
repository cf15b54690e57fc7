//! expect: runs
//!
//! An `Rc<T>` points at one allocation holding a strong count, a weak
//! count and the `T`. When this handle is the only strong one, it may
//! change or take the value: `get_mut`, `make_mut`, `try_unwrap`.

use std::rc::Rc;

fn main() {
    // #region unique
    let mut a = Rc::new(String::from("draft"));
    // the only handle: get_mut gives Some(&mut String)
    Rc::get_mut(&mut a).unwrap().push_str(" 1");
    let b = Rc::clone(&a);
    println!("get_mut while shared: {:?}", Rc::get_mut(&mut a));
    Rc::make_mut(&mut a).push_str(" → 2"); // clones first
    println!("a = {a:?}, b = {b:?}");
    // #endregion unique
    // #region unwrap
    let b = Rc::try_unwrap(b); // alone in its allocation
    println!("try_unwrap(b): {b:?}");
    let _c = Rc::clone(&a);
    println!("try_unwrap(a): {:?}", Rc::try_unwrap(a));
    println!("handle: {} bytes", size_of::<Rc<String>>());
    // #endregion unwrap
}
