//! expect: runs
//! support: witnesses the E0499 slide's note on implicit reborrows and two-phase borrows
//!
//! Two cases that look like two `&mut` at once, and are not. Passing a
//! `&mut` to a function reborrows it (`&mut *first`) rather than moving it,
//! so `first` can be used again afterwards. In `v.push(v.len())` the
//! `&mut v` for `push` is only activated once the argument is evaluated (a
//! two-phase borrow), so reading `v.len()` there is allowed.

fn add_one(n: &mut Vec<usize>) {
    n.push(1);
}

fn main() {
    let mut v: Vec<usize> = Vec::new();
    let first = &mut v;
    add_one(first); // reborrowed: `first` is not moved
    add_one(first);
    v.push(v.len()); // two-phase: `v.len()` runs before `&mut v` is used
    println!("{v:?}");
}
