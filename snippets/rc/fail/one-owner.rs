//! expect: compile-error E0382
//!
//! A `Box` has exactly one owner: handing the same song to a second
//! playlist moves it out of the first one's reach.

struct Song {
    title: String,
}

fn main() {
    // #region moved
    let song = Box::new(Song {
        title: String::from("Clair de lune"),
    });
    let morning = vec![song];
    let evening = vec![song];
    // #endregion moved
    println!("{} {}", morning[0].title, evening[0].title);
}
