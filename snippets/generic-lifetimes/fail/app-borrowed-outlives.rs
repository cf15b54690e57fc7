//! expect: compile-error E0597
//!
//! The other side of `Settings::get`: the value borrows the text, so it
//! cannot outlive it. Dropping the text while `host` is in use is rejected.

pub struct Settings<'text> {
    pairs: Vec<(&'text str, &'text str)>,
}

impl<'text> Settings<'text> {
    pub fn parse(text: &'text str) -> Settings<'text> {
        let pairs = text
            .lines()
            .filter_map(|line| line.split_once('='))
            .map(|(k, v)| (k.trim(), v.trim()))
            .collect();
        Settings { pairs }
    }

    pub fn get(&self, key: &str) -> Option<&'text str> {
        self.pairs.iter().find(|(k, _)| *k == key).map(|(_, v)| *v)
    }
}

fn main() {
    // #region outlives
    let host = {
        let text = String::from("host = example.org");
        Settings::parse(&text).get("host")
    }; // `text` is dropped here, but `host` borrows it
    println!("{host:?}");
    // #endregion outlives
}
