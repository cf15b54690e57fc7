//! expect: runs
//!
//! `Box<dyn Error>` holds any error type behind one pointer: `?` converts
//! each concrete error into it, and the caller can still ask what it was.

use std::error::Error;
use std::fmt;

#[derive(Debug)]
struct TooBig(u32);

impl fmt::Display for TooBig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} is over the limit", self.0)
    }
}

impl Error for TooBig {}

// #region errors
/// Two different error types, one return type.
fn parse_small(text: &str) -> Result<u32, Box<dyn Error>> {
    let n: u32 = text.trim().parse()?; // ParseIntError -> Box<dyn Error>
    if n > 100 {
        return Err(Box::new(TooBig(n))); // TooBig -> Box<dyn Error>
    }
    Ok(n)
}

fn main() {
    for input in ["42", "abc", "500"] {
        match parse_small(input) {
            Ok(n) => println!("{input}: ok {n}"),
            Err(e) if e.is::<TooBig>() => println!("{input}: TooBig, {e}"),
            Err(e) => println!("{input}: error, {e}"),
        }
    }
}
// #endregion errors
