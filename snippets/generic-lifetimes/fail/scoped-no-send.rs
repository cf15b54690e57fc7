//! expect: compile-error E0277
//! support: a quiz's wrong choice, the real outcome of `scoped-later` without the `Send` bound
//!
//! A scoped thread needs no `'static`, but what moves into it must be `Send`.

use std::fmt::Debug;
use std::thread;

fn print_later<T: Debug>(value: T) {
    thread::scope(|s| {
        s.spawn(move || println!("later: {value:?}"));
    });
}

fn main() {
    print_later(5);
}
