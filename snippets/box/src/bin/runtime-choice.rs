//! expect: runs
//!
//! When the concrete type is chosen at run time, the function returns a
//! `Box<dyn Shape>`; when it is always the same type, `impl Shape` needs no
//! heap at all.

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

// #region choice
/// Which type? Known only at run time: behind a pointer.
fn parse(kind: &str, size: f64) -> Box<dyn Shape> {
    match kind {
        "circle" => Box::new(Circle(size)),
        _ => Box::new(Square(size)),
    }
}

/// Always a `Square`: no box, the value is returned on the stack.
fn unit_square() -> impl Shape {
    Square(1.0)
}

fn main() {
    let shapes: Vec<Box<dyn Shape>> = vec![parse("circle", 1.0), parse("square", 2.0)];
    let total: f64 = shapes.iter().map(|s| s.area()).sum();
    println!("total area {total:.2}, unit {:.2}", unit_square().area());
}
// #endregion choice
