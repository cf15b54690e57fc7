//! expect: runs
//! support: witnesses the coercion-sites slide: a site's expected type reaches into array elements, tuple fields and a block's last expression
//!
//! Each `&owned` is a `&String`; the expected type written on the `let`
//! reaches inside the array, the tuple and the block, and coerces it there.

fn main() {
    let owned = String::from("ferris");
    let arr: [&str; 1] = [&owned];
    let tup: (&str, i32) = (&owned, 1);
    let blk: &str = { &owned };
    println!("{} {} {}", arr[0], tup.0, blk);
}
