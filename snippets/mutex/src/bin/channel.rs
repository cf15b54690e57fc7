//! expect: runs
//!
//! Shared state is not the only way: with a channel, each value has one
//! owner at a time and is sent, not shared. The workers send their results;
//! only the receiving thread ever touches the total, so no lock is needed.

use std::sync::mpsc;
use std::thread;

// #region channel
fn main() {
    let (tx, rx) = mpsc::channel::<u32>();
    for id in 1..=4 {
        let tx = tx.clone(); // a sender per worker
        thread::spawn(move || {
            let work: u32 = (1..=100).map(|n| n * id).sum();
            tx.send(work).unwrap(); // `work` moves
        });
    }
    drop(tx); // or `rx` waits forever
    // the loop ends when every sender is dropped
    let total: u32 = rx.iter().sum();
    println!("total: {total}");
}
// #endregion channel
