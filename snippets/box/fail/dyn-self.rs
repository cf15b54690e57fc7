//! expect: compile-error E0038
//!
//! A method returning `Self` makes `Shape` not dyn compatible: a caller
//! holding a `dyn Shape` could not know the size of what `doubled` returns.

// #region self
trait Shape {
    fn area(&self) -> f64;
    fn doubled(&self) -> Self;
}

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
    println!("{}", s.area());
}
// #endregion self
