//! expect: tests
//! support: exercise solution, published with the exercises
//!
//! Each push allocates one node; `take` moves the old head into it.

struct Node<T> {
    value: T,
    next: Option<Box<Node<T>>>,
}

pub struct Stack<T> {
    head: Option<Box<Node<T>>>,
    len: usize,
}

impl<T> Stack<T> {
    pub fn new() -> Self {
        Stack { head: None, len: 0 }
    }

    pub fn push(&mut self, value: T) {
        let next = self.head.take();
        self.head = Some(Box::new(Node { value, next }));
        self.len += 1;
    }

    pub fn pop(&mut self) -> Option<T> {
        let node = self.head.take()?;
        self.head = node.next;
        self.len -= 1;
        Some(node.value)
    }

    pub fn peek(&self) -> Option<&T> {
        self.head.as_ref().map(|node| &node.value)
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

/// Stretch goal: unlink each node before it is dropped, so no drop recurses.
impl<T> Drop for Stack<T> {
    fn drop(&mut self) {
        let mut next = self.head.take();
        while let Some(mut node) = next {
            next = node.next.take();
        }
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
