//! expect: runs
//!
//! A quiz: `clone-counts` with the inner clone moved out of its block
//! instead of dropped there: it lives on as `kept`, so the count stays up.

use std::rc::Rc;
use trace::Op;

fn main() {
    // #region quiz
    let a = Rc::new(String::from("shared text"));
    trace::rc("a", Op::New, &a);
    let b = Rc::clone(&a);
    trace::rc("b", Op::Clone, &b);
    let kept = {
        let c = Rc::clone(&a);
        trace::rc("c", Op::Clone, &c);
        c
    }; // c is moved out, not dropped
    trace::rc("a", Op::Look, &a);
    println!("{a} / {b} / {kept}: strong = {}", Rc::strong_count(&a));
    // #endregion quiz
}
