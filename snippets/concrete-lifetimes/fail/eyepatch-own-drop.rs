//! expect: compile-error E0506
//! support: witnesses the eyepatch slide's limit: a `Vec` drops its elements, so a `Vec` of values with their own `Drop` keeps the borrow
//!
//! `eyepatch.rs` with a `Vec<Loud>` instead of a `Vec<&i32>`. `Vec`'s
//! `#[may_dangle]` promises only that it touches its elements by dropping
//! them. Dropping a `Loud` reads `score`, so the borrow lasts until `seen`
//! is dropped, and the write to `score` is refused.

struct Loud<'a>(&'a i32);

impl Drop for Loud<'_> {
    fn drop(&mut self) {
        println!("drop loud {}", self.0);
    }
}

fn main() {
    let mut score = 10;
    let seen: Vec<Loud> = vec![Loud(&score)];
    println!("seen {} item", seen.len());
    score += 1;
    println!("score {score}");
}
