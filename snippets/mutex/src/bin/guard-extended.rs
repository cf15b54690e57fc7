//! expect: runs
//!
//! Temporary lifetime extension: in `let v = &mut *m.lock().unwrap();` the
//! guard is a temporary whose reference is stored in `v`, so it lives to the
//! end of the enclosing block, not to the `;`. The lock is held that long.

use std::sync::Mutex;

fn held<T>(m: &Mutex<T>) -> bool {
    m.try_lock().is_err()
}

// #region extended
fn main() {
    let queue = Mutex::new(vec![1, 2, 3]);
    {
        let v = &mut *queue.lock().unwrap(); // the guard is extended
        v.push(4);
        println!("after push: held = {}", held(&queue));
        println!("{v:?}");
    } // the guard is dropped here, with `v`
    println!("after the block: held = {}", held(&queue));

    let len = queue.lock().unwrap().len(); // a value, not a reference
    println!("len {len}: held = {}", held(&queue));
}
// #endregion extended
