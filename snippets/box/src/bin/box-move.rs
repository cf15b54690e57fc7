//! expect: runs
//!
//! `Box::new` puts the value on the heap; moving the box moves only the
//! pointer; the heap memory is freed when the last owner drops it.

// #region types
struct Reading {
    samples: [u16; 512], // 1024 bytes
}

impl Drop for Reading {
    fn drop(&mut self) {
        println!("dropped: the reading's 1024 bytes are freed");
    }
}

fn archive(reading: Box<Reading>) {
    println!("archive got sample {}", reading.samples[0]);
    // `reading` goes out of scope at the brace: the heap memory is freed
}
// #endregion types

// #region main
fn main() {
    let reading = Box::new(Reading { samples: [7; 512] });
    let heap_address: *const Reading = &*reading;
    println!("box: {} bytes", size_of_val(&reading));
    println!("payload: {} bytes", size_of_val(&*reading));

    let moved = reading; // copies the 8-byte pointer, not the payload
    println!("same heap address: {}", std::ptr::eq(heap_address, &*moved));
    archive(moved); // ownership moves into the function
    println!("back in main");
}
// #endregion main
