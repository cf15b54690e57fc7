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

/// Two error types, one return type.
// #region errors
fn parse_small(text: &str) -> Result<u32, Box<dyn Error>> {
    // `?`: ParseIntError -> Box<dyn Error>
    let n: u32 = text.trim().parse()?;
    if n > 100 {
        // TooBig -> Box<dyn Error>
        return Err(Box::new(TooBig(n)));
    }
    Ok(n)
}

fn main() {
    for input in ["42", "abc", "500"] {
        match parse_small(input) {
            Ok(n) => println!("{input}: ok {n}"),
            Err(e) => {
                let too_big = e.is::<TooBig>();
                println!("{input}: {e}");
                println!("  is TooBig: {too_big}");
            }
        }
    }
}
// #endregion errors
