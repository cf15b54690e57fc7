//! expect: runs
//!
//! `Rc<RefCell<T>>`: several owners, and each may mutate, one at a time.

use std::cell::RefCell;
use std::rc::Rc;

// #region shared
struct Player {
    name: &'static str,
    scores: Rc<RefCell<Vec<u32>>>,
}

impl Player {
    fn score(&self, points: u32) {
        self.scores.borrow_mut().push(points);
        println!("{} scored {points}", self.name);
    }
}
// #endregion shared

fn main() {
    // #region use
    let board = Rc::new(RefCell::new(Vec::new()));
    let ana = Player {
        name: "ana",
        scores: Rc::clone(&board),
    };
    let ben = Player {
        name: "ben",
        scores: Rc::clone(&board),
    };
    ana.score(3);
    ben.score(5);
    ana.score(2);
    println!(
        "board: {:?}, owners: {}",
        board.borrow(),
        Rc::strong_count(&board)
    );
    // #endregion use
}
