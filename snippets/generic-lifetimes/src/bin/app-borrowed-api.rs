//! expect: runs
//!
//! An API that hands out borrowed data: `Settings::parse` keeps slices of
//! the caller's text instead of copying it, and `get` returns `&'text str`,
//! tied to the text, not to the `Settings` value. So a value stays usable
//! after the `Settings` that found it is gone.

// #region api
pub struct Settings<'text> {
    pairs: Vec<(&'text str, &'text str)>,
}

impl<'text> Settings<'text> {
    /// Reads `key = value` lines; nothing is copied.
    pub fn parse(text: &'text str) -> Settings<'text> {
        let pairs = text
            .lines()
            .filter_map(|line| line.split_once('='))
            .map(|(k, v)| (k.trim(), v.trim()))
            .collect();
        Settings { pairs }
    }

    /// The value borrows from the text, whatever `self` and `key` live for.
    pub fn get(&self, key: &str) -> Option<&'text str> {
        self.pairs.iter().find(|(k, _)| *k == key).map(|(_, v)| *v)
    }
}
// #endregion api

fn main() {
    // #region use
    let text = String::from("host = example.org\nport = 8080");
    let host = {
        let settings = Settings::parse(&text);
        println!("port: {:?}", settings.get("port"));
        settings.get("host")
    }; // `settings` is dropped here; `host` still borrows `text`
    println!("host: {host:?}");
    // #endregion use
    let inside = text.as_ptr() as usize..text.as_ptr() as usize + text.len();
    let host_at = host.map(|h| h.as_ptr() as usize);
    println!(
        "host points into text: {}",
        host_at.is_some_and(|p| inside.contains(&p))
    );
}

#[cfg(test)]
mod tests {
    use super::Settings;

    #[test]
    fn values_are_slices_of_the_text() {
        let text = "a = 1\nb = two\nno equals sign";
        let s = Settings::parse(text);
        assert_eq!(s.get("b"), Some("two"));
        assert_eq!(s.get("missing"), None);
        let b = s.get("b").unwrap();
        assert!(text.as_bytes().as_ptr_range().contains(&b.as_ptr()));
    }
}
