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
    // Freeing notes drops its fields: its Weak parent goes too, and home's block with it.
    trace::dropped("notes.parent");
    // #endregion tree
}
