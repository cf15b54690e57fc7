//! expect: runs
//!
//! `dyn-self.rs` fixed: `where Self: Sized` keeps `doubled` off the vtable,
//! so `Shape` can be `dyn` again. It is still callable on a `Square`, not
//! on a `dyn Shape`.

// #region sized
trait Shape {
    fn area(&self) -> f64;
    fn doubled(&self) -> Self
    where
        Self: Sized;
}
// #endregion sized

struct Square(f64);

impl Shape for Square {
    fn area(&self) -> f64 {
        self.0 * self.0
    }
    fn doubled(&self) -> Self {
        Square(self.0 * 2.0)
    }
}

fn main() {
    let s: Box<dyn Shape> = Box::new(Square(1.0));
    println!("{} {}", s.area(), Square(1.0).doubled().area());
}
