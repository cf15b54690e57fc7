//! expect: compile-error E0277
//!
//! `Rc` counts with plain integers, so it is not `Send`: the compiler
//! refuses to move one into another thread.

use std::rc::Rc;
use std::thread;

fn main() {
    // #region spawn
    let names = Rc::new(vec!["ferris", "corro"]);
    let for_thread = Rc::clone(&names);
    let handle = thread::spawn(move || {
        println!("{} names", for_thread.len());
    });
    // #endregion spawn
    handle.join().unwrap();
}
