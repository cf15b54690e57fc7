//! Helpers that snippets of several topics share. `std` only, like every
//! crate of the lesson.

use std::sync::{Condvar, Mutex};

/// Stage directions for the multi-thread snippets: numbered turns, taken in
/// order, so that threads act (and record) in the same order on every run.
/// Only the order of the marked actions is fixed; a thread blocked in a
/// lock between its turns blocks for real.
#[derive(Default)]
pub struct Turns {
    next: Mutex<usize>,
    changed: Condvar,
}

impl Turns {
    pub fn new() -> Self {
        Self::default()
    }

    /// Waits until turn `n` comes, runs `act`, then hands over to turn `n + 1`.
    pub fn run<R>(&self, n: usize, act: impl FnOnce() -> R) -> R {
        let mut next = self.next.lock().unwrap_or_else(|p| p.into_inner());
        while *next != n {
            next = self.changed.wait(next).unwrap_or_else(|p| p.into_inner());
        }
        drop(next);
        let result = act();
        *self.next.lock().unwrap_or_else(|p| p.into_inner()) = n + 1;
        self.changed.notify_all();
        result
    }
}

#[cfg(test)]
mod tests {
    use super::Turns;
    use std::sync::Mutex;
    use std::thread;

    #[test]
    fn turns_are_taken_in_order_whatever_the_spawn_order() {
        let turns = Turns::new();
        let seen = Mutex::new(Vec::new());
        thread::scope(|s| {
            for n in (0..6).rev() {
                let (turns, seen) = (&turns, &seen);
                s.spawn(move || turns.run(n, || seen.lock().unwrap().push(n)));
            }
        });
        assert_eq!(seen.into_inner().unwrap(), [0, 1, 2, 3, 4, 5]);
    }
}
