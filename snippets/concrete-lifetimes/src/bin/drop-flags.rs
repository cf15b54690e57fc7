//! expect: runs
//! support: witnesses the drop-order slide's "at most once": a move on one path only, and a forgotten value
//!
//! A value is dropped at most once. `maybe_give` is compiled once, yet its
//! `x` is dropped at the end of `maybe_give` only when it was not moved away:
//! a hidden drop flag decides that at run time. A value passed to
//! `mem::forget` is never dropped at all.

struct Noisy(&'static str);

impl Drop for Noisy {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}

fn consume(n: Noisy) {
    println!("consume {}", n.0);
} // `n` is dropped here

fn maybe_give(name: &'static str, give: bool) {
    let x = Noisy(name);
    if give {
        consume(x);
    }
    println!("end of maybe_give({give})");
} // `x` is dropped here only if it was not moved

fn main() {
    maybe_give("kept", false);
    maybe_give("given", true);
    let y = Noisy("forgotten");
    std::mem::forget(y); // never dropped
    println!("end of main");
}
