//! expect: runs
//! support: a quiz's wrong choice, the real outcome of `try-borrow-kept` with `let _ =`
//!
//! `let _ = log.borrow();` binds nothing: the guard is dropped at once.

use std::cell::RefCell;

fn main() {
    let log = RefCell::new(vec!["start"]);
    let _ = log.borrow();
    for _ in 0..2 {
        match log.try_borrow_mut() {
            Ok(mut writer) => writer.push("more"),
            Err(e) => println!("busy: {e}"),
        }
    }
    println!("{:?}", log.borrow());
}
