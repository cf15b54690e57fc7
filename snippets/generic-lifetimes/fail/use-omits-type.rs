//! expect: compile-error "must mention all type parameters in scope"
//! support: witness that a `use<..>` list may leave out a lifetime but not a type parameter
//!
//! `use<'a>` leaves out `T`: on stable Rust every type parameter in scope
//! must be listed; only lifetimes may be left out.

fn firsts<'a, T: Clone>(items: &'a [T]) -> impl Iterator<Item = T> + use<'a> {
    items.iter().cloned()
}

fn main() {
    let numbers = [1, 2];
    println!("{:?}", firsts(&numbers).collect::<Vec<_>>());
}
