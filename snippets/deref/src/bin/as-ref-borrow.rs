//! expect: runs
//!
//! Not a pointer? Then not `Deref`. `AsRef<T>` says "can lend a `&T`" and
//! is asked for explicitly by generic functions; `Borrow<T>` adds that the
//! borrowed form hashes and compares like the owner, which is why a
//! `HashMap<String, _>` can be searched with a `&str`.

use std::collections::HashMap;
use std::path::Path;

// #region asref
fn file_name<P: AsRef<Path>>(path: P) -> String {
    let path = path.as_ref(); // explicit, not a coercion
    path.file_name().unwrap().to_string_lossy().into_owned()
}
// #endregion asref

fn main() {
    // #region use
    // a &str, a String, a &Path
    println!("{}", file_name("notes/rc.md"));
    println!("{}", file_name(String::from("notes/arc.md")));
    println!("{}", file_name(Path::new("notes/box.md")));

    let mut owners: HashMap<String, u32> = HashMap::new();
    owners.insert(String::from("ferris"), 3);
    // &str, thanks to String: Borrow<str>
    println!("{:?}", owners.get("ferris"));
    // #endregion use
}
