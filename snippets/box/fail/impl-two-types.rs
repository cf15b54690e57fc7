//! expect: compile-error E0308
//!
//! `impl Shape` stands for one concrete type; two branches returning two
//! types need a `Box<dyn Shape>` instead.

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

// #region two
fn parse(kind: &str, size: f64) -> impl Shape {
    if kind == "circle" {
        Circle(size)
    } else {
        Square(size)
    }
}
// #endregion two

fn main() {
    println!("{}", parse("circle", 1.0).area());
}
