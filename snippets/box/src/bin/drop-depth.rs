//! expect: runs
//!
//! The derived `Drop` of a `Box` list recurses once per node: a long list
//! overflows the stack, which aborts the whole process (not a panic). So
//! the recursive drop runs in a child process, on a thread with a 256 KiB
//! stack, and this program reports how the child ended. A `Drop` with a
//! loop frees the same list in constant stack space.

use std::process::Command;
use std::thread;

const NODES: u32 = 100_000;
const STACK: usize = 256 << 10;

// #region list
struct Node {
    next: Option<Box<Node>>,
}

struct List {
    head: Option<Box<Node>>,
}

impl Drop for List {
    fn drop(&mut self) {
        let mut next = self.head.take();
        while let Some(mut node) = next {
            next = node.next.take(); // unlink first...
        } // so dropping `node` frees one node only
    }
}
// #endregion list

fn build(n: u32) -> Option<Box<Node>> {
    (0..n).fold(None, |next, _| Some(Box::new(Node { next })))
}

/// Drops `NODES` nodes on a thread with a small stack.
fn drop_on_small_stack(iterative: bool) {
    thread::Builder::new()
        .stack_size(STACK)
        .spawn(move || {
            let head = build(NODES);
            if iterative {
                drop(List { head });
            } else {
                drop(head); // drop glue: one stack frame per node
            }
        })
        .unwrap()
        .join()
        .unwrap();
}

fn main() {
    if std::env::args().nth(1).as_deref() == Some("--recursive") {
        drop_on_small_stack(false);
        return;
    }
    let child = Command::new(std::env::current_exe().unwrap())
        .arg("--recursive")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&child.stderr);
    let crashed = !child.status.success();
    let overflowed = crashed && stderr.contains("overflowed its stack");
    println!("recursive drop glue: stack overflow = {overflowed}");
    drop_on_small_stack(true);
    println!("loop in Drop, same list, same stack: dropped");
}
