//! expect: runs
//!
//! A `Box` is never null, so `Option<Box<T>>` stores `None` as the null
//! pointer and costs no extra byte. A plain integer has no such niche.

/// Prints a type as written and its size in bytes.
macro_rules! size {
    ($t:ty) => {
        println!("{:<17} {:>2} B", stringify!($t), size_of::<$t>())
    };
}

/// The recursive list of the earlier slide.
#[allow(dead_code)]
enum List {
    Cons(i32, Box<List>),
    Nil,
}

// #region niche
struct Node {
    value: i32,
    next: Option<Box<Node>>, // None is the null pointer
}

fn main() {
    size!(Box<u64>);
    size!(Option<Box<u64>>);
    size!(u64);
    size!(Option<u64>);
    size!(Node);
    // #endregion niche
    trace::step("Box<u64>: a pointer that is never null");
    trace::layout::<Box<u64>>("Box<u64>", size_of::<u64>());
    trace::step("Option<Box<u64>>: None is the null pointer, same size");
    trace::layout::<Option<Box<u64>>>("Option<Box<u64>>", size_of::<u64>());
    trace::step("Option<u64>: every bit pattern is a u64, so a tag is added");
    trace::layout::<Option<u64>>("Option<u64>", 0);
    let list = Node {
        value: 1,
        next: Some(Box::new(Node {
            value: 2,
            next: None,
        })),
    };
    trace::step("Node { value: i32, next: Option<Box<Node>> }");
    trace::layout::<Node>("Node", size_of::<Node>());
    trace::step("List = Cons(i32, Box<List>) | Nil: Nil is the null pointer too");
    trace::layout::<List>("List", size_of::<List>());
    let second = list.next.as_ref().map_or(0, |n| n.value);
    println!("values {} and {second}", list.value);
}
