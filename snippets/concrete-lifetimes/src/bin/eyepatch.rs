//! expect: runs
//!
//! The drop-check eyepatch: `Vec<&T>` and `Box<&T>` implement `Drop`, yet
//! promise (with the unstable `#[may_dangle]`) that their `drop` touches
//! the elements only by dropping them, and dropping a `&T` does nothing. So
//! their borrow still ends at its last use. A `Vec` of values with their own
//! `Drop` keeps it (`eyepatch-own-drop.rs`). A `Drop` you write yourself,
//! and every lock guard, make no such promise.

// #region eyepatch
fn main() {
    let mut score = 10;
    let seen: Vec<&i32> = vec![&score]; // has Drop
    let boxed: Box<&i32> = Box::new(&score); // too
    println!("seen {seen:?}, boxed {boxed}");
    // both still alive, never used again:
    score += 1;
    println!("score {score}");
}
// #endregion eyepatch
