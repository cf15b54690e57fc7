//! expect: runs
//!
//! A `Box` is never null, so `Option<Box<T>>` stores `None` as the null
//! pointer and costs no extra byte (the language guarantees it for
//! `Option<Box<T>>`). A plain integer has no such niche. Other enums'
//! layout (`repr(Rust)`) is unspecified; the tests witness what rustc does
//! today with a list whose only pointer is in `Cons`.

/// Prints a type as written and its size in bytes.
macro_rules! size {
    ($t:ty) => {
        println!("{:<17} {:>2} B", stringify!($t), size_of::<$t>())
    };
}

/// A list whose `Cons` is only a box, so rustc may keep `Nil` in its niche.
#[allow(dead_code)]
enum List {
    Cons(Box<(i32, List)>),
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
    trace::step("List = Cons(Box<(i32, List)>) | Nil: rustc stores Nil as the null pointer");
    trace::layout::<List>("List", size_of::<(i32, List)>());
    let second = list.next.as_ref().map_or(0, |n| n.value);
    println!("values {} and {second}", list.value);
}

#[cfg(test)]
mod tests {
    use super::{List, Node};

    #[test]
    fn option_box_is_one_pointer() {
        assert_eq!(size_of::<Option<Box<u64>>>(), size_of::<Box<u64>>());
    }

    #[test]
    fn option_u64_needs_a_tag() {
        assert!(size_of::<Option<u64>>() > size_of::<u64>());
    }

    #[test]
    fn node_link_adds_no_tag() {
        assert_eq!(size_of::<Node>(), 2 * size_of::<usize>());
    }

    #[test]
    fn nil_is_the_null_pointer() {
        assert_eq!(size_of::<List>(), size_of::<usize>());
        // Reads what rustc chose for this `repr(Rust)` enum; no promise of the language.
        let bits: usize = unsafe { std::mem::transmute(List::Nil) };
        assert_eq!(bits, 0);
    }
}
