//! expect: runs
//!
//! The fix for `fail/temporary-dropped.rs`: give the `String` a name, so it
//! lives to the end of the block, and borrow from that.

fn main() {
    // #region named
    let owned = String::from("  ferris ");
    let name: &str = owned.trim();
    println!("[{name}]");
    // #endregion named
}
