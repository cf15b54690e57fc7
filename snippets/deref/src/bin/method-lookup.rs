//! expect: runs
//!
//! For `receiver.method()` the compiler tries the receiver's type, then
//! `&` and `&mut` of it (auto-ref), then dereferences once and tries again,
//! and so on. The first type with a matching method wins, so a method of
//! the pointer hides a method of the same name on its target.

use std::rc::Rc;

fn main() {
    // #region lookup
    let name = Rc::new(String::from("ferris"));
    let n = name.len(); // Rc<String>: no len; String: no len; str: len(&self)
    let handle = name.clone(); // Rc<String> has clone(&self): Rc::clone wins
    let copy = (*name).clone(); // start at String: a new String
    println!("len {n}; handles {}", Rc::strong_count(&name));
    println!("copy is a {}", std::any::type_name_of_val(&copy));
    // #endregion lookup
    drop(handle);
}
