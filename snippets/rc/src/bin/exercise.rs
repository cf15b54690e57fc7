//! expect: panics "not yet implemented"
//!
//! Exercise: folders that know their parent without keeping it alive.
//!
//! 1. `add_child` creates a folder named `name` inside `parent`: the parent
//!    owns the child (`Rc` in `children`), the child points back (`Weak`).
//! 2. `path` walks up through the parents: `home/notes/rust`.
//!
//! Done when `main` prints the path and the solution's tests would pass:
//! the child has two owners (the caller and its parent), the parent's strong
//! count is untouched by its children, and once every `Rc` of the parent is
//! dropped the child's path is just its own name.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

#[allow(dead_code)] // the code you write reads `parent`
                    // #region starter
struct Folder {
    name: String,
    parent: RefCell<Weak<Folder>>,
    children: RefCell<Vec<Rc<Folder>>>,
}

fn add_child(parent: &Rc<Folder>, name: &str) -> Rc<Folder> {
    todo!("{name} inside {}", parent.name)
}

fn path(folder: &Folder) -> String {
    todo!("the path of {}", folder.name)
}
// #endregion starter

fn root(name: &str) -> Rc<Folder> {
    Rc::new(Folder {
        name: name.to_string(),
        parent: RefCell::new(Weak::new()),
        children: RefCell::new(Vec::new()),
    })
}

fn main() {
    let home = root("home");
    let notes = add_child(&home, "notes");
    let rust = add_child(&notes, "rust");
    println!("{}", path(&rust));
    println!("{} children in home", home.children.borrow().len());
}
