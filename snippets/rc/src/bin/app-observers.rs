//! expect: runs
//!
//! An observer list that does not keep its observers alive: the subject
//! holds `Weak` handles, the rest of the program owns the observers with
//! `Rc`. A dropped observer is skipped and pruned at the next notification,
//! and no cycle can form between subject and observers.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

pub trait Observer {
    fn notify(&self, event: &str);
}

struct Logger {
    name: &'static str,
    seen: RefCell<Vec<String>>,
}

impl Observer for Logger {
    fn notify(&self, event: &str) {
        self.seen.borrow_mut().push(event.to_string());
        println!("  {} got {event:?}", self.name);
    }
}

#[derive(Default)]
// #region subject
pub struct Subject {
    observers: Vec<Weak<dyn Observer>>,
}

impl Subject {
    pub fn subscribe(&mut self, observer: &Rc<dyn Observer>) {
        self.observers.push(Rc::downgrade(observer));
    }

    /// Notifies the live observers and forgets the dropped ones.
    pub fn publish(&mut self, event: &str) -> usize {
        self.observers.retain(|weak| match weak.upgrade() {
            Some(observer) => {
                observer.notify(event);
                true
            }
            None => false,
        });
        self.observers.len()
    }
}
// #endregion subject

fn logger(name: &'static str) -> Rc<Logger> {
    Rc::new(Logger {
        name,
        seen: RefCell::new(Vec::new()),
    })
}

fn main() {
    // #region use
    let mut subject = Subject::default();
    let audit = logger("audit");
    let screen = logger("screen");
    let audit_dyn: Rc<dyn Observer> = audit.clone();
    let screen_dyn: Rc<dyn Observer> = screen.clone();
    subject.subscribe(&audit_dyn);
    subject.subscribe(&screen_dyn);
    println!("audit: strong = {}", Rc::strong_count(&audit));

    println!("publish saved:");
    subject.publish("saved");

    drop(screen_dyn);
    drop(screen); // the subject's Weak does not keep it alive
    println!("publish closed:");
    let live = subject.publish("closed");
    println!("live observers: {live}");
    // #endregion use
    println!("audit saw {:?}", audit.seen.borrow());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subscribing_adds_no_strong_owner() {
        let mut subject = Subject::default();
        let a: Rc<dyn Observer> = logger("a");
        subject.subscribe(&a);
        assert_eq!(Rc::strong_count(&a), 1);
        assert_eq!(Rc::weak_count(&a), 1);
        drop(a);
        assert_eq!(subject.publish("x"), 0);
    }
}
