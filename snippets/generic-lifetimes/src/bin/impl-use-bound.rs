//! expect: runs
//!
//! `use<>` lists the generic parameters and lifetimes the hidden type may
//! capture, and here that list is empty. `count` then borrows nothing, and
//! `words.push` compiles in both editions.

// #region use-bound
fn counter(words: &[String]) -> impl Fn() -> usize + use<> {
    let n = words.len();
    move || n
}

fn main() {
    let mut words = vec![String::from("borrow")];
    let count = counter(&words);
    words.push(String::from("check"));
    println!("{} then {}", count(), words.len());
}
// #endregion use-bound
