//! expect: runs
//!
//! `dyn-static-default.rs` fixed: `Canvas<'a>` holds `Box<dyn Shape + 'a>`,
//! so a boxed shape may borrow anything that lives as long as the canvas.

trait Shape {
    fn area(&self) -> f64;
}

/// A square that borrows its side from elsewhere.
struct Borrowed<'a> {
    side: &'a f64,
}

impl Shape for Borrowed<'_> {
    fn area(&self) -> f64 {
        self.side * self.side
    }
}

// #region fixed
struct Canvas<'a> {
    shapes: Vec<Box<dyn Shape + 'a>>,
}
// #endregion fixed

fn main() {
    let side = 2.0;
    let shape = Borrowed { side: &side };
    let canvas = Canvas {
        shapes: vec![Box::new(shape)],
    };
    println!("area {}", canvas.shapes[0].area());
}
