//! expect: runs
//!
//! `Rc<RefCell<T>>`: several owners, and each may mutate, one at a time.

use std::cell::RefCell;
use std::rc::Rc;

// #region shared
type Board = Rc<RefCell<Vec<u32>>>;

struct Player {
    name: &'static str,
    scores: Board,
}

impl Player {
    fn join(name: &'static str, b: &Board) -> Player {
        let scores = Rc::clone(b);
        Player { name, scores }
    }

    fn score(&self, points: u32) {
        self.scores.borrow_mut().push(points);
        println!("{} scored {points}", self.name);
    }
}
// #endregion shared

fn main() {
    // #region use
    let board = Board::default();
    let ana = Player::join("ana", &board);
    let ben = Player::join("ben", &board);
    ana.score(3);
    ben.score(5);
    ana.score(2);
    let owners = Rc::strong_count(&board);
    println!("{:?}, {owners} owners", board.borrow());
    // #endregion use
}
