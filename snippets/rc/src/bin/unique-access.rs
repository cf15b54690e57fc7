//! expect: runs
//!
//! An `Rc<T>` points at one allocation holding a strong count, a weak
//! count and the `T`. When this handle is the only strong one, it may
//! change or take the value: `get_mut`, `make_mut`, `try_unwrap`.

use std::rc::Rc;

fn main() {
    // #region unique
    let mut a = Rc::new(String::from("draft"));
    Rc::get_mut(&mut a).unwrap().push_str(" 1"); // unique: Some(&mut)
    let b = Rc::clone(&a);
    println!("get_mut while shared: {:?}", Rc::get_mut(&mut a));
    Rc::make_mut(&mut a).push_str(" → 2"); // shared: clones, then changes
    println!("a = {a:?}, b = {b:?}");
    // #endregion unique
    // #region unwrap
    let b = Rc::try_unwrap(b); // only handle of its allocation now
    println!("try_unwrap(b): {b:?}");
    let c = Rc::clone(&a);
    println!("try_unwrap(a) while c exists: {:?}", Rc::try_unwrap(a));
    println!(
        "size of an Rc handle: {} bytes; c = {c:?}",
        size_of::<Rc<String>>()
    );
    // #endregion unwrap
}
