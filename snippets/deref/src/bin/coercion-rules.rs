//! expect: runs
//!
//! The three coercions the compiler inserts, each at a call: shared to
//! shared, mutable to mutable, and mutable to shared.

use std::ops::{Deref, DerefMut};

struct MyBox<T>(T);

impl<T> Deref for MyBox<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T> DerefMut for MyBox<T> {
    fn deref_mut(&mut self) -> &mut T {
        &mut self.0
    }
}

// #region rules
fn read(s: &str) -> usize {
    s.len()
}

fn write(s: &mut String) {
    s.push_str("+1");
}

fn main() {
    let mut m = MyBox(String::from("v1"));
    // &T -> &U          (MyBox<String>: Deref<Target = String>)
    println!("read:  {}", read(&m));
    let handle = &mut m;
    // &mut T -> &mut U  (MyBox<String>: DerefMut)
    write(handle);
    // &mut T -> &U      (a writer may always be read)
    println!("read:  {}", read(handle));
    println!("value: {}", *m);
}
// #endregion rules
