//! expect: runs
//!
//! A `Box` of a sized type is one pointer. A `Box` of a dynamically sized
//! type is a fat pointer: the address plus a length or a vtable pointer.

trait Shape {
    fn area(&self) -> f64;
}

struct Circle {
    radius: f64,
}

impl Shape for Circle {
    fn area(&self) -> f64 {
        std::f64::consts::PI * self.radius * self.radius
    }
}

fn main() {
    // #region sizes
    let number: Box<i32> = Box::new(42);
    trace::step("Box<i32>: one pointer to an i32");
    trace::layout::<Box<i32>>("Box<i32>", size_of_val(&*number));
    trace::label("pointer");
    let shape: Box<dyn Shape> = Box::new(Circle { radius: 1.0 });
    trace::step("Box<dyn Shape>: pointer + vtable pointer");
    trace::layout::<Box<dyn Shape>>("Box<dyn Shape>", size_of_val(&*shape));
    trace::label("pointer + vtable");
    let name: Box<str> = Box::from("ferris");
    trace::step("Box<str>: pointer + length in bytes");
    trace::layout::<Box<str>>("Box<str>", size_of_val(&*name));
    trace::label("pointer + length");
    let samples: Box<[u16]> = vec![1, 2, 3].into_boxed_slice();
    trace::step("Box<[u16]>: pointer + number of elements");
    trace::layout::<Box<[u16]>>("Box<[u16]>", size_of_val(&*samples));
    trace::label("pointer + length");
    // #endregion sizes

    // On the stack: size_of_val(&b). On the heap: size_of_val(&*b).
    println!(
        "Box<i32>       {:>2} B -> {:>2} B",
        size_of_val(&number),
        size_of_val(&*number)
    );
    println!(
        "Box<dyn Shape> {:>2} B -> {:>2} B",
        size_of_val(&shape),
        size_of_val(&*shape)
    );
    println!(
        "Box<str>       {:>2} B -> {:>2} B",
        size_of_val(&name),
        size_of_val(&*name)
    );
    println!(
        "Box<[u16]>     {:>2} B -> {:>2} B",
        size_of_val(&samples),
        size_of_val(&*samples)
    );
    println!(
        "area {:.2}, {name}, {} samples",
        shape.area(),
        samples.len()
    );
}
