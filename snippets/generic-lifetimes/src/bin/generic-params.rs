//! expect: runs
//!
//! A lifetime parameter is declared and chosen like a type parameter: the
//! caller's borrow decides what `'a` is at each call.

// Written out on purpose: elision would add the same `'a`.
#![allow(clippy::needless_lifetimes)]

// #region params
/// `'a` and `T` are both generic parameters of `first`.
fn first<'a, T>(items: &'a [T]) -> Option<&'a T> {
    items.first()
}

fn main() {
    let primes: &'static [u32] = &[2, 3, 5];
    let p = first(primes); // 'a: while p is used; T = u32

    let names = vec![String::from("ferris")];
    let n = first(&names); // 'a = borrow of names

    println!("{p:?} {n:?}");
}
// #endregion params
