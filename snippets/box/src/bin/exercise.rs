//! expect: test-fails "not yet implemented"
//!
//! Exercise: a stack of nodes on the heap, `Option<Box<Node<T>>>` links.
//!
//! Implement `push`, `pop` and `peek` without `unsafe` and without cloning
//! values. Hint: `Option::take` moves the head out and leaves `None`.
//! `cargo test` runs the tests that check it: pop returns values in
//! reverse push order, `pop` on an empty stack is `None`, `peek` does not
//! remove, and `len` follows pushes and pops.
//!
//! Stretch: dropping a stack of a million nodes overflows the stack, as the
//! slides show for a `Box` list. Write a `Drop` for `Stack` that frees the
//! nodes in a loop (`cargo test -- --ignored`).

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

#[cfg(test)]
mod tests {
    use super::Stack;

    #[test]
    fn pops_in_reverse_push_order() {
        let mut stack = Stack::new();
        for n in 1..=3 {
            stack.push(n);
        }
        assert_eq!(
            [stack.pop(), stack.pop(), stack.pop()],
            [Some(3), Some(2), Some(1)]
        );
        assert_eq!(stack.pop(), None);
    }

    #[test]
    fn peek_does_not_remove() {
        let mut stack = Stack::new();
        assert_eq!(stack.peek(), None);
        stack.push(String::from("top"));
        assert_eq!(stack.peek().map(String::as_str), Some("top"));
        assert_eq!(stack.len(), 1);
        assert_eq!(stack.pop().as_deref(), Some("top"));
    }

    #[test]
    fn len_follows_pushes_and_pops() {
        let mut stack = Stack::default();
        assert!(stack.is_empty());
        stack.push('a');
        stack.push('b');
        assert_eq!(stack.len(), 2);
        stack.pop();
        assert_eq!(stack.len(), 1);
        assert!(!stack.is_empty());
        stack.pop();
        stack.pop(); // popping an empty stack leaves len at 0
        assert_eq!(stack.len(), 0);
    }

    #[test]
    #[ignore = "stretch goal"]
    fn drops_a_long_stack() {
        // Without a loop in `Drop`, dropping this recurses once per node and
        // overflows the test thread's stack: the whole test run aborts.
        let mut stack = Stack::new();
        for n in 0..1_000_000 {
            stack.push(n);
        }
        drop(stack);
    }
}
