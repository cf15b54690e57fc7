//! expect: test-fails "not yet implemented"
//!
//! Exercise: folders that know their parent without keeping it alive.
//!
//! 1. `add_child` creates a folder named `name` inside `parent`: the parent
//!    owns the child (`Rc` in `children`), the child points back (`Weak`).
//! 2. `path` walks up through the parents: `home/notes/rust`.
//!
//! Done when `cargo test` passes: the child has two owners (the caller and
//! its parent), the parent's strong count is untouched by its children, and
//! once every `Rc` of the parent is dropped the child's path is just its
//! own name.
//!
//! Stretch: `detach` removes a folder from its parent's children and
//! clears its parent link (`cargo test -- --ignored`).

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

fn detach(folder: &Rc<Folder>) {
    todo!("stretch goal: take {} out of its parent", folder.name)
}

fn root(name: &str) -> Rc<Folder> {
    Rc::new(Folder {
        name: name.to_string(),
        parent: RefCell::new(Weak::new()),
        children: RefCell::new(Vec::new()),
    })
}

/// The stretch goal runs only when asked: `cargo run -p rc-exercise -- stretch`.
fn stretch() -> bool {
    std::env::args().any(|arg| arg == "stretch")
}

fn main() {
    let home = root("home");
    let notes = add_child(&home, "notes");
    let rust = add_child(&notes, "rust");
    println!("{}", path(&rust));
    println!("{} children in home", home.children.borrow().len());
    if stretch() {
        detach(&notes);
        println!("after detach: {}", path(&rust));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn path_walks_up_to_the_root() {
        let home = root("home");
        let notes = add_child(&home, "notes");
        let rust = add_child(&notes, "rust");
        assert_eq!(path(&rust), "home/notes/rust");
        assert_eq!(path(&home), "home");
    }

    #[test]
    fn parents_own_children_but_not_the_reverse() {
        let home = root("home");
        let notes = add_child(&home, "notes");
        assert_eq!(Rc::strong_count(&notes), 2);
        assert_eq!(Rc::strong_count(&home), 1);
        assert_eq!(Rc::weak_count(&home), 1);
        assert_eq!(home.children.borrow()[0].name, "notes");
    }

    #[test]
    fn an_orphan_is_its_own_root() {
        let home = root("home");
        let notes = add_child(&home, "notes");
        drop(home);
        assert_eq!(path(&notes), "notes");
        assert_eq!(Rc::strong_count(&notes), 1);
    }

    #[test]
    #[ignore = "stretch goal"]
    fn detach_leaves_a_root() {
        let home = root("home");
        let notes = add_child(&home, "notes");
        let _music = add_child(&home, "music");
        detach(&notes);
        assert_eq!(path(&notes), "notes");
        assert_eq!(Rc::strong_count(&notes), 1);
        assert_eq!(home.children.borrow().len(), 1);
        assert_eq!(home.children.borrow()[0].name, "music");
    }
}
