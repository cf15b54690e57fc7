//! expect: runs
//!
//! `Box::new(value)` takes its argument by value: `Box::new([0u8; N])`
//! builds the array on the stack first, then moves it to the heap. For a
//! large `N` build it on the heap directly, from a `Vec`. The last line is
//! the measurement: `Box::new([0u8; N])` in a child process, on a thread
//! with an 8 MiB stack, in the check's build (unoptimised). A stack
//! overflow aborts the whole process, hence the child.

use std::process::Command;
use std::thread;

const N: usize = 16 << 20; // 16 MiB
const STACK: usize = 8 << 20;

fn main() {
    if std::env::args().nth(1).as_deref() == Some("--box-new") {
        let boxed = thread::Builder::new()
            .stack_size(STACK)
            .spawn(|| {
                let boxed = Box::new([0u8; N]);
                boxed.len()
            })
            .unwrap()
            .join()
            .unwrap();
        println!("{boxed}");
        return;
    }
    // #region heap
    // Box::new([0u8; N]): 16 MiB on the stack first
    let bytes: Box<[u8]> = vec![0u8; N].into_boxed_slice();
    let array: Box<[u8; N]> = bytes.try_into().expect("N bytes");
    println!("{} MiB on the heap", array.len() >> 20);
    println!("the box itself: {} bytes", size_of_val(&array));
    // #endregion heap
    let child = Command::new(std::env::current_exe().unwrap())
        .arg("--box-new")
        .output()
        .unwrap();
    let overflowed = !child.status.success()
        && String::from_utf8_lossy(&child.stderr).contains("overflowed its stack");
    println!(
        "Box::new, {} MiB stack: overflow = {overflowed}",
        STACK >> 20
    );
}
