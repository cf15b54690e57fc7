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
    // Rc<String> has no len; one deref: String::len
    let n = name.len();
    // Rc<String> is Clone itself: Rc::clone wins
    let handle = name.clone();
    // start the search at String: a new String
    let copy = (*name).clone();
    println!("len {n}; handles {}", Rc::strong_count(&name));
    println!("copy is a {}", std::any::type_name_of_val(&copy));
    // #endregion lookup
    drop(handle);
}
