//! expect: panics "not yet implemented"
//!
//! Exercise: a stack of nodes on the heap, `Option<Box<Node<T>>>` links.
//!
//! Implement `push`, `pop` and `peek` without `unsafe` and without cloning
//! values. Hint: `Option::take` moves the head out and leaves `None`.
//! The solution's tests check: pop returns values in reverse push order,
//! `pop` on an empty stack is `None`, `peek` does not remove, and `len`
//! follows pushes and pops.

// #region starter
struct Node<T> {
    value: T,
    next: Option<Box<Node<T>>>,
}

pub struct Stack<T> {
    head: Option<Box<Node<T>>>,
    len: usize,
}

impl<T> Stack<T> {
    pub fn push(&mut self, value: T) {
        let _ = value;
        todo!()
    }
    pub fn pop(&mut self) -> Option<T> {
        todo!()
    }
    pub fn peek(&self) -> Option<&T> {
        todo!()
    }
}
// #endregion starter

impl<T> Stack<T> {
    pub fn new() -> Self {
        Stack { head: None, len: 0 }
    }
    pub fn len(&self) -> usize {
        self.len
    }
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

impl<T> Default for Stack<T> {
    fn default() -> Self {
        Self::new()
    }
}

fn main() {
    let mut stack = Stack::new();
    stack.push("ferris");
    println!("{:?} of {}", stack.peek(), stack.len());
    // Reads the fields so the starter builds cleanly before it is solved.
    if let Some(node) = stack.head.take() {
        let Node { value, next } = *node;
        println!("{value} {}", next.is_none());
    }
    println!("{:?}", stack.pop());
}
