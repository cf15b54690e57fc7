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
    fn count(&self, c: char) -> usize {
        if let Some(&n) = self.cache.borrow().get(&c) {
            println!("  {c}: from the cache");
            return n;
        }
        println!("  {c}: counting");
        let n = self.words.iter().filter(|w| w.starts_with(c)).count();
        self.cache.borrow_mut().insert(c, n);
        n
    }
}
// #endregion cache

impl Dictionary {
    fn new(words: Vec<&'static str>) -> Dictionary {
        let cache = RefCell::new(HashMap::new());
        Dictionary { words, cache }
    }
}

fn main() {
    // #region use
    let words = vec!["box", "borrow", "rc"];
    let dict = Dictionary::new(words);
    println!("b: {}", dict.count('b'));
    println!("b: {}", dict.count('b'));
    // #endregion use
}
