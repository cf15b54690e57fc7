//! expect: compile-error E0382
//! support: live-coding variant of box/box-move, asked for in its notes
//!
//! After the move, the old name no longer owns the box.

fn main() {
    let reading = Box::new([7u16; 512]);
    let moved = reading;
    println!("{}", reading[0]);
    println!("{}", moved[0]);
}
