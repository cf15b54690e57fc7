//! expect: runs
//!
//! `UnsafeCell<T>` is the one way std allows to change data behind a
//! shared reference, and `Cell`, `RefCell`, `Mutex`, `RwLock` and the atomics
//! are all built on it. It only hands out a raw pointer; the safe wrapper around it
//! supplies the rule that makes the change sound. Here that rule is the one
//! `Cell` uses: never hand out a reference to the inside.

use std::cell::UnsafeCell;

// #region cell
struct MyCell<T> {
    value: UnsafeCell<T>,
}

impl<T: Copy> MyCell<T> {
    fn get(&self) -> T {
        // SAFETY: no `&` to the inside ever exists
        unsafe { *self.value.get() }
    }

    fn set(&self, value: T) {
        // SAFETY: as in `get`; !Sync: one thread only
        unsafe { *self.value.get() = value }
    }
}
// #endregion cell

// #region use
fn main() {
    let hits = MyCell {
        value: UnsafeCell::new(0),
    };
    let shared = &hits; // shared references only
    shared.set(shared.get() + 1);
    hits.set(hits.get() + 1);
    println!("hits: {}", hits.get());
}
// #endregion use
