//! expect: runs
//!
//! A parent owns its children through `Rc`; a child points back at its
//! parent through `Weak`, which does not own. When the parent goes, the
//! child's `upgrade()` returns `None`.

use std::cell::RefCell;
use std::rc::{Rc, Weak};
use trace::Op;

// #region dir
struct Dir {
    name: String,
    parent: RefCell<Weak<Dir>>,
    children: RefCell<Vec<Rc<Dir>>>,
}
// #endregion dir

impl Dir {
    fn new(name: &str) -> Rc<Dir> {
        Rc::new(Dir {
            name: name.to_string(),
            parent: RefCell::new(Weak::new()),
            children: RefCell::new(Vec::new()),
        })
    }
}

// #region parent
fn parent_of(dir: &Dir) -> Option<String> {
    let parent = dir.parent.borrow().upgrade()?;
    Some(parent.name.clone())
}
// #endregion parent

fn counts(name: &str, dir: &Rc<Dir>) {
    let (strong, weak) = (Rc::strong_count(dir), Rc::weak_count(dir));
    println!("{name}: strong = {strong}, weak = {weak}");
}

impl Drop for Dir {
    fn drop(&mut self) {
        trace::freed(&self.name);
        println!("freeing {}", self.name);
    }
}

fn main() {
    // #region tree
    let notes = Dir::new("notes");
    trace::step("notes: one owner, no parent yet");
    trace::rc("notes", Op::New, &notes);
    {
        let home = Dir::new("home");
        trace::step("home is created");
        trace::rc("home", Op::New, &home);
        home.children.borrow_mut().push(Rc::clone(&notes));
        trace::step("home.children owns notes too");
        trace::rc("home.children[0]", Op::Clone, &notes);
        *notes.parent.borrow_mut() = Rc::downgrade(&home);
        trace::step("notes.parent is a Weak: it adds to home's weak count only");
        trace::rc_weak("notes.parent", Op::Downgrade, &notes.parent.borrow());
        counts("home", &home);
        counts("notes", &notes);
        println!("parent of notes: {:?}", parent_of(&notes));
        trace::step("home's only owner leaves: home is freed, and its clone of notes with it");
    }
    trace::dropped("home.children[0]");
    trace::dropped("home");
    trace::rc("notes", Op::Look, &notes);
    println!("parent of notes: {:?}", parent_of(&notes));
    trace::step("upgrade() finds no home: None");
    trace::upgrade_failed("notes.parent");
    counts("notes", &notes);
    trace::step("notes' last owner leaves: notes is freed too");
    drop(notes);
    trace::dropped("notes");
    // #endregion tree
    // Freeing notes drops its fields: its Weak parent goes too, and home's block with it.
    trace::dropped("notes.parent");
}

#[cfg(test)]
mod tests {
    use std::cell::Cell;
    use std::rc::Rc;

    /// Counts its drops in a shared cell.
    struct Tracked<'a>(&'a Cell<u32>);

    impl Drop for Tracked<'_> {
        fn drop(&mut self) {
            self.0.set(self.0.get() + 1);
        }
    }

    #[test]
    fn weak_does_not_keep_the_value_alive() {
        let drops = Cell::new(0);
        let strong = Rc::new(Tracked(&drops));
        let weak = Rc::downgrade(&strong);
        assert_eq!((Rc::strong_count(&strong), Rc::weak_count(&strong)), (1, 1));
        drop(strong);
        assert_eq!(drops.get(), 1, "the value was dropped with its last Rc");
        assert!(weak.upgrade().is_none());
    }
}
