//! expect: panics "not yet implemented"
//!
//! Exercise: `Pairs` walks a settings line such as `"a=1;b=2"` and yields
//! each `(key, value)` as slices of the original text, copying nothing.
//!
//! 1. Add the lifetime parameter the struct needs for `line`, and give
//!    `Item` the lifetime of the text.
//! 2. Implement `next`: skip empty entries (`"a=1;;b=2"`), and yield an
//!    entry without `=` as `(key, "")`.
//!
//! The solution's tests also check that the pairs stay usable after the
//! iterator is dropped: which lifetime makes that possible?

// #region starter
struct Pairs {
    line: String, // make this a borrow
}

impl Iterator for Pairs {
    type Item = (String, String);

    fn next(&mut self) -> Option<Self::Item> {
        let _ = &self.line;
        todo!()
    }
}

fn main() {
    let settings = String::from("theme=dark;font=mono");
    let pairs = Pairs {
        line: settings.clone(),
    };
    for (key, value) in pairs {
        println!("{key} -> {value}");
    }
}
// #endregion starter
