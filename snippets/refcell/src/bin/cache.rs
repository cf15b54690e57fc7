//! expect: runs
//!
//! A lookup that remembers its answers behind `&self`: callers see a
//! read-only API, the cache fills itself on first use.

use std::cell::RefCell;
use std::collections::HashMap;

// #region cache
struct Dictionary {
    words: Vec<&'static str>,
    cache: RefCell<HashMap<char, usize>>,
}

impl Dictionary {
    /// How many words start with `letter`; counted once, then remembered.
    fn count(&self, letter: char) -> usize {
        if let Some(&n) = self.cache.borrow().get(&letter) {
            println!("  {letter}: from the cache");
            return n;
        }
        println!("  {letter}: counting");
        let n = self.words.iter().filter(|w| w.starts_with(letter)).count();
        self.cache.borrow_mut().insert(letter, n);
        n
    }
}
// #endregion cache

fn main() {
    // #region use
    let dict = Dictionary {
        words: vec!["borrow", "box", "cell", "rc"],
        cache: RefCell::new(HashMap::new()),
    };
    println!("b: {}", dict.count('b'));
    println!("b: {}", dict.count('b'));
    // #endregion use
}
