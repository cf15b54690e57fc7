//! expect: runs
//!
//! `Rc::clone` copies a pointer and bumps a count; the value is freed when
//! the last handle goes. Prints the strong count after each step.

use std::rc::Rc;
use trace::Op;

fn main() {
    // #region counts
    let a = Rc::new(String::from("shared text"));
    trace::rc("a", Op::New, &a);
    println!("after a:   strong = {}", Rc::strong_count(&a));

    let b = Rc::clone(&a);
    trace::rc("b", Op::Clone, &b);
    println!("after b:   strong = {}", Rc::strong_count(&a));

    {
        let c = Rc::clone(&a);
        trace::rc("c", Op::Clone, &c);
        println!("inside c:  strong = {}", Rc::strong_count(&a));
    } // c goes out of scope here
    trace::dropped("c");
    trace::rc("a", Op::Look, &a);
    println!("after c:   strong = {}", Rc::strong_count(&a));

    println!("{a} / {b}: same allocation? {}", Rc::ptr_eq(&a, &b));
    // #endregion counts
}

#[cfg(test)]
mod tests {
    use std::rc::Rc;

    #[test]
    fn counts_rise_with_clones_and_fall_with_drops() {
        let a = Rc::new(5);
        let mut seen = vec![Rc::strong_count(&a)];
        let b = Rc::clone(&a);
        seen.push(Rc::strong_count(&a));
        {
            let _c = Rc::clone(&b);
            seen.push(Rc::strong_count(&a));
        }
        seen.push(Rc::strong_count(&a));
        assert_eq!(seen, [1, 2, 3, 2]);
    }
}
