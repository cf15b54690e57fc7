//! expect: compile-error E0502
//! expect-2021: runs
//!
//! The other side of capturing every lifetime: the closure returned here
//! copies `n` and borrows nothing, but edition 2024 assumes the hidden type
//! may keep `words` borrowed, so `words.push` is refused while `count`
//! lives. Edition 2021 captured no lifetime here and runs it.

// #region overcapture
fn counter(words: &[String]) -> impl Fn() -> usize {
    let n = words.len();
    move || n
}

fn main() {
    let mut words = vec![String::from("borrow")];
    let count = counter(&words);
    words.push(String::from("check"));
    println!("{}", count());
}
// #endregion overcapture
