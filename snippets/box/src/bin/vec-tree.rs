//! expect: runs
//! support: witnesses "Required or needless?": a `Vec` field is indirection enough for a recursive type
//!
//! A tree whose node holds its children in a `Vec<Tree>`: the `Vec` keeps
//! them on the heap, so `Tree` has a known size without any `Box`.

struct Tree {
    value: i32,
    children: Vec<Tree>,
}

fn sum(t: &Tree) -> i32 {
    t.value + t.children.iter().map(sum).sum::<i32>()
}

fn main() {
    let leaf = |value| Tree {
        value,
        children: Vec::new(),
    };
    let tree = Tree {
        value: 1,
        children: vec![leaf(2), leaf(3)],
    };
    println!("sum {}", sum(&tree));
}
