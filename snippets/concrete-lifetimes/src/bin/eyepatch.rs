//! expect: runs
//!
//! The drop-check eyepatch: `Vec<&T>` and `Box<&T>` implement `Drop`, yet
//! promise (with the unstable `#[may_dangle]`) that their `drop` never reads
//! the references inside. So their borrow still ends at its last use. A
//! `Drop` you write yourself, and every lock guard, make no such promise.

// #region eyepatch
fn main() {
    let mut score = 10;
    let seen: Vec<&i32> = vec![&score]; // Vec has a Drop impl
    let boxed: Box<&i32> = Box::new(&score); // so does Box
    println!("seen {:?}, boxed {}", seen, boxed);
    score += 1; // fine: `seen` and `boxed` are still alive, not used again
    println!("score {score}");
}
// #endregion eyepatch
