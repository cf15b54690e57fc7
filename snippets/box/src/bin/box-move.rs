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
        println!("dropped: 1024 bytes freed");
    }
}

fn archive(reading: Box<Reading>) {
    println!("archive got sample {}", reading.samples[0]);
    // dropped at this brace: the heap memory is freed
}
// #endregion types

// #region main
fn main() {
    let reading = Box::new(Reading { samples: [7; 512] });
    let addr: *const Reading = &*reading;
    println!("box: {} B", size_of_val(&reading));
    println!("payload: {} B", size_of_val(&*reading));

    let moved = reading; // copies 8 bytes: the pointer
    println!("same address: {}", std::ptr::eq(addr, &*moved));
    archive(moved); // ownership moves into archive
    println!("back in main");
}
// #endregion main
