//! expect: runs
//!
//! Field access auto-derefs too: `.x` on an `Rc<Point>`, a `Box<Rc<Point>>`
//! or a `MutexGuard<Point>` follows `Deref` until it finds a type with a
//! field `x`. Indexing does the same, `v[0]` on an `Rc<Vec<i32>>`.

use std::rc::Rc;
use std::sync::Mutex;

struct Point {
    x: i32,
}

fn main() {
    // #region fields
    let rc = Rc::new(Point { x: 3 });
    let boxed = Box::new(Rc::new(Point { x: 4 }));
    let m = Mutex::new(Point { x: 5 });
    let mut guard = m.lock().unwrap();
    guard.x += 1; // DerefMut: (*guard).x
    let v = Rc::new(vec![7, 8]);
    println!("{} {} {} {}", rc.x, boxed.x, guard.x, v[0]);
    // #endregion fields
}
