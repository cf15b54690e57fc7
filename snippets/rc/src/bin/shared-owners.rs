//! expect: runs
//!
//! Two playlists own the same song through `Rc`; the song is freed only
//! when the last playlist lets go of it.

use std::rc::Rc;

// #region song
struct Song {
    title: String,
}

impl Drop for Song {
    fn drop(&mut self) {
        println!("freeing {:?}", self.title);
    }
}
// #endregion song

fn main() {
    // #region owners
    let song = Rc::new(Song {
        title: String::from("Clair de lune"),
    });
    let morning = vec![Rc::clone(&song)];
    let evening = vec![Rc::clone(&song)];
    drop(song);
    println!("owners: {}", Rc::strong_count(&morning[0]));

    drop(morning);
    println!("morning gone, owners: {}", Rc::strong_count(&evening[0]));
    println!("evening still plays {:?}", evening[0].title);
    drop(evening);
    println!("end of main");
    // #endregion owners
}
