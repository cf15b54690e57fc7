//! expect: compile-error E0746
//!
//! A quiz: `impl-two-types` returning `dyn Shape`: a trait object has no
//! size known at compile time, so it cannot be returned by value.

trait Shape {
    fn area(&self) -> f64;
}
struct Circle(f64);
struct Square(f64);
impl Shape for Circle {
    fn area(&self) -> f64 {
        std::f64::consts::PI * self.0 * self.0
    }
}
impl Shape for Square {
    fn area(&self) -> f64 {
        self.0 * self.0
    }
}

// #region quiz
fn parse(kind: &str, size: f64) -> dyn Shape {
    if kind == "circle" {
        Circle(size)
    } else {
        Square(size)
    }
}
// #endregion quiz

fn main() {}
