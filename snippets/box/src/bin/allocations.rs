//! expect: runs
//!
//! Counts heap allocations with a counting global allocator: one per
//! `Box::new`, whatever the size; none for a move, `None` or a zero-sized
//! value.

use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Forwards to the system allocator and counts the calls.
struct Counting;

static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// How many allocations `work` made. Nothing is printed inside, since
/// printing may allocate too.
fn allocations<T>(work: impl FnOnce() -> T) -> usize {
    let before = ALLOCATIONS.load(Ordering::Relaxed);
    black_box(work());
    ALLOCATIONS.load(Ordering::Relaxed) - before
}

// Built only to count its allocations; nothing reads it.
#[allow(dead_code)]
enum List {
    Cons(i32, Box<List>),
    Nil,
}

/// Prints an expression as written and how many allocations it made.
macro_rules! count {
    ($e:expr) => {
        println!("{:<24} {}", stringify!($e), allocations(|| $e))
    };
}

fn main() {
    let boxed = Box::new(5_u64);
    // #region count
    count!(Box::new(5_u64));
    count!(Box::new([0_u8; 4096])); // size does not matter
    count!(boxed); // a move: copies the pointer
    count!(None::<Box<u64>>);
    count!(Box::new(())); // zero-sized: nothing to allocate
    count!(three_nodes()); // one per node
    count!(vec![1, 2, 3]);
    count!(Box::new(vec![1, 2, 3])); // box + buffer
    // #endregion count
}

fn three_nodes() -> List {
    use List::{Cons, Nil};
    Cons(1, Box::new(Cons(2, Box::new(Cons(3, Box::new(Nil))))))
}
