//! expect: runs
//!
//! One list owning values of different types: each is boxed behind a trait
//! object. A `Box<dyn Check>` is two words, a pointer to the value and one
//! to the type's table of methods, whatever the size of the value itself.

use std::mem::size_of;

pub trait Check {
    fn name(&self) -> String;
    fn passes(&self, input: &str) -> bool;
}

struct MaxLen(usize);
struct NoSpaces;

impl Check for MaxLen {
    fn name(&self) -> String {
        format!("at most {} chars", self.0)
    }
    fn passes(&self, input: &str) -> bool {
        input.chars().count() <= self.0
    }
}

impl Check for NoSpaces {
    fn name(&self) -> String {
        "no spaces".to_string()
    }
    fn passes(&self, input: &str) -> bool {
        !input.contains(' ')
    }
}

fn main() {
    // #region plugins
    let checks: Vec<Box<dyn Check>> = vec![Box::new(MaxLen(8)), Box::new(NoSpaces)];
    for check in &checks {
        println!("{:<17} {}", check.name(), check.passes("ferris crab"));
    }
    let words = size_of::<Box<dyn Check>>() / size_of::<usize>();
    println!("a Box<dyn Check> is {words} words");
    // #endregion plugins
}
