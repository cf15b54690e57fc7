//! expect: runs
//!
//! `Box::new(value)` takes its argument by value: `Box::new([0u8; N])`
//! builds the array on the stack first, then moves it to the heap. For a
//! large `N` build it on the heap directly, from a `Vec`.

const N: usize = 16 << 20; // 16 MiB

fn main() {
    // #region heap
    // Box::new([0u8; N]): 16 MiB on the stack first
    let bytes: Box<[u8]> = vec![0u8; N].into_boxed_slice();
    let array: Box<[u8; N]> = bytes.try_into().expect("N bytes");
    println!("{} MiB on the heap", array.len() >> 20);
    println!("the box itself: {} bytes", size_of_val(&array));
    // #endregion heap
}
