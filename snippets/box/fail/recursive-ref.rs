//! expect: compile-error E0106
//! support: a quiz's wrong choice, the real outcome of `recursive-option` with a reference for the rest
//!
//! A reference has a fixed size, but a field holding one needs a lifetime.

enum List {
    Cons(i32, &List),
    Nil,
}

fn main() {}
