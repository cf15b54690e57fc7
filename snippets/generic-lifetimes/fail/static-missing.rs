//! expect: compile-error E0310
//!
//! Without `T: 'static` the compiler cannot rule out that `value` borrows
//! something the spawned thread would outlive.

use std::fmt::Debug;
use std::thread;

// #region missing
fn print_later<T: Debug + Send>(value: T) {
    thread::spawn(move || println!("later: {value:?}"))
        .join()
        .unwrap();
}
// #endregion missing

fn main() {
    print_later(5);
}
