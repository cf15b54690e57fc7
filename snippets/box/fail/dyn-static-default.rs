//! expect: compile-error E0597
//!
//! In a struct field, `Box<dyn Shape>` is short for
//! `Box<dyn Shape + 'static>`: the boxed value may borrow nothing that
//! will be dropped, so a `Borrowed` that points at a local is refused.

trait Shape {
    fn area(&self) -> f64;
}

/// A square that borrows its side from elsewhere.
struct Borrowed<'a> {
    side: &'a f64,
}

// #region canvas
struct Canvas {
    shapes: Vec<Box<dyn Shape>>,
}

fn main() {
    let side = 2.0;
    let shape = Borrowed { side: &side };
    let canvas = Canvas {
        shapes: vec![Box::new(shape)],
    };
    println!("area {}", canvas.shapes[0].area());
}
// #endregion canvas

impl Shape for Borrowed<'_> {
    fn area(&self) -> f64 {
        self.side * self.side
    }
}
