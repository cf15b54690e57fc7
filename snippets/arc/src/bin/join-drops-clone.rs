//! expect: runs
//!
//! A quiz: one clone moved into a thread. The thread owns it and drops it
//! when it ends; after `join`, only `main`'s handle is left.

use std::sync::Arc;
use std::thread;
use trace::Op;

struct Config {
    port: u16,
}

fn main() {
    // #region quiz
    trace::step("main creates one Arc<Config>");
    let config = Arc::new(Config { port: 8080 });
    trace::arc("config", Op::New, &config);
    trace::step("a clone for the thread");
    let mine = Arc::clone(&config);
    trace::arc("mine", Op::Clone, &mine);
    let handle = thread::spawn(move || mine.port);
    let port = handle.join().unwrap();
    trace::step("after join");
    trace::dropped("mine");
    trace::arc("config", Op::Look, &config);
    println!("port {port}, strong = {}", Arc::strong_count(&config));
    // #endregion quiz
}
