//! expect: runs (output varies)
//!
//! Times `Rc::clone` against `Arc::clone` (each followed by the drop that
//! undoes it): on one thread, and with several threads cloning the same
//! `Arc` at once, so they fight over the one cache line holding the count.
//! Each figure is the best of a few short rounds; the whole run stays well
//! under a second. The numbers depend on the machine: the slide shows the
//! ones from the last check and says so.

use std::hint::black_box;
use std::rc::Rc;
use std::sync::{Arc, Barrier};
use std::thread;
use std::time::Instant;

const CLONES: u32 = 1_000_000;
const ROUNDS: usize = 5;

/// Best nanoseconds per clone-and-drop over `ROUNDS` runs of `f`.
fn best_ns(mut round: impl FnMut() -> f64) -> f64 {
    (0..ROUNDS).map(|_| round()).fold(f64::INFINITY, f64::min)
}

fn rc_clone_ns() -> f64 {
    let rc = Rc::new(0u64);
    best_ns(|| {
        // #region rc
        let start = Instant::now();
        for _ in 0..CLONES {
            let copy = Rc::clone(black_box(&rc)); // plain `+= 1`
            drop(black_box(copy)); //                plain `-= 1`
        }
        // #endregion rc
        start.elapsed().as_nanos() as f64 / f64::from(CLONES)
    })
}

fn arc_clone_ns(threads: usize) -> f64 {
    let arc = Arc::new(0u64);
    best_ns(|| {
        let start_line = Barrier::new(threads);
        let per_thread: Vec<f64> = thread::scope(|s| {
            let workers: Vec<_> = (0..threads)
                .map(|_| {
                    s.spawn(|| {
                        // #region arc
                        start_line.wait(); // all threads start together
                        let start = Instant::now();
                        for _ in 0..CLONES {
                            let copy = Arc::clone(black_box(&arc)); // atomic `+= 1`
                            drop(black_box(copy)); //                  atomic `-= 1`
                        }
                        // #endregion arc
                        start.elapsed().as_nanos() as f64 / f64::from(CLONES)
                    })
                })
                .collect();
            workers.into_iter().map(|w| w.join().unwrap()).collect()
        });
        per_thread.iter().sum::<f64>() / per_thread.len() as f64
    })
}

fn main() {
    let contenders = thread::available_parallelism().map_or(2, |n| n.get().clamp(2, 4));
    let rc = rc_clone_ns();
    let arc = arc_clone_ns(1);
    let contended = arc_clone_ns(contenders);
    trace::measure("rc", rc, "ns");
    trace::measure("arc", arc, "ns");
    trace::measure("arc-contended", contended, "ns");
    trace::measure("contenders", contenders as f64, "threads");
    println!("Rc::clone + drop:                  {rc:6.2} ns");
    println!("Arc::clone + drop, 1 thread:       {arc:6.2} ns");
    println!("Arc::clone + drop, {contenders} threads:      {contended:6.2} ns");
    println!(
        "Arc / Rc: {:.1}x, contended / uncontended Arc: {:.1}x",
        arc / rc,
        contended / arc
    );
}
