//! expect: tests
//! support: exercise solution, published with the exercises

use std::cell::RefCell;
use std::rc::{Rc, Weak};

struct Folder {
    name: String,
    parent: RefCell<Weak<Folder>>,
    children: RefCell<Vec<Rc<Folder>>>,
}

fn root(name: &str) -> Rc<Folder> {
    Rc::new(Folder {
        name: name.to_string(),
        parent: RefCell::new(Weak::new()),
        children: RefCell::new(Vec::new()),
    })
}

fn add_child(parent: &Rc<Folder>, name: &str) -> Rc<Folder> {
    let child = root(name);
    *child.parent.borrow_mut() = Rc::downgrade(parent);
    parent.children.borrow_mut().push(Rc::clone(&child));
    child
}

fn path(folder: &Folder) -> String {
    match folder.parent.borrow().upgrade() {
        Some(parent) => format!("{}/{}", path(&parent), folder.name),
        None => folder.name.clone(),
    }
}

/// Stretch goal: the parent drops its `Rc`; the folder forgets its parent.
fn detach(folder: &Rc<Folder>) {
    if let Some(parent) = folder.parent.replace(Weak::new()).upgrade() {
        parent
            .children
            .borrow_mut()
            .retain(|c| !Rc::ptr_eq(c, folder));
    }
}

fn main() {
    let home = root("home");
    let notes = add_child(&home, "notes");
    let rust = add_child(&notes, "rust");
    println!("{}", path(&rust));
    println!("{} children in home", home.children.borrow().len());
    detach(&notes);
    println!("after detach: {}", path(&rust));
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
