//! expect: runs
//!
//! The recursive list made finite: each `Cons` holds a pointer to the rest.

// #region list
#[derive(Debug)]
enum List {
    Cons(i32, Box<List>),
    Nil,
}
use List::{Cons, Nil};

impl List {
    fn sum(&self) -> i32 {
        match self {
            Cons(value, rest) => value + rest.sum(),
            Nil => 0,
        }
    }
}

fn main() {
    let list = Cons(1, Box::new(Cons(2, Box::new(Cons(3, Box::new(Nil))))));
    trace::step("List = Cons(i32, Box<List>) | Nil: every node has the same size");
    trace::layout::<List>("List", 0);
    trace::layout::<Box<List>>("Box<List>", size_of::<List>());
    println!("{list:?}");
    println!("sum = {}", list.sum());
    println!("size_of::<List>() = {} bytes", size_of::<List>());
}
// #endregion list
