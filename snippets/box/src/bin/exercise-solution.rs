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
    }

    #[test]
    fn len_follows_pushes_and_pops() {
        let mut stack = Stack::default();
        assert!(stack.is_empty());
        stack.push('a');
        stack.push('b');
        stack.pop();
        assert_eq!(stack.len(), 1);
        assert!(!stack.is_empty());
    }
}
