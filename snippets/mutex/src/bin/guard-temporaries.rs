//! expect: runs
//! expect-2021: runs
//!
//! How long does the guard of `m.lock().unwrap()` live when it is never
//! named? A temporary lives to the end of its statement; in `match` and
//! `while let`, to the end of the whole expression, arms included.
//! `try_lock` shows whether it is still held. Edition 2024 drops an
//! `if let` scrutinee's temporaries before `else`; edition 2021 keeps them
//! to the end of the `else` block.

use std::sync::Mutex;

fn held<T>(m: &Mutex<T>) -> bool {
    m.try_lock().is_err()
}

fn main() {
    let queue = Mutex::new(vec![1, 2, 3]);
    // #region temporaries
    // the guard is dropped at the `;`
    let job = queue.lock().unwrap().pop();
    println!("after let {job:?}: held = {}", held(&queue));

    match queue.lock().unwrap().pop() {
        Some(job) => println!("arm {job}: held = {}", held(&queue)),
        None => println!("arm None"),
    }

    while let Some(job) = queue.lock().unwrap().pop() {
        println!("while body {job}: held = {}", held(&queue));
    }

    if let Some(job) = queue.lock().unwrap().pop() {
        println!("if let {job}");
    } else {
        println!("else: held = {}", held(&queue));
    }
    println!("after the if let: held = {}", held(&queue));
    // #endregion temporaries
}
