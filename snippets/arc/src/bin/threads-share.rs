//! expect: runs
//!
//! Three named threads each hold a clone of one `Arc`. The count is updated
//! atomically, so any thread may clone or drop a handle; the value is freed
//! by whichever thread drops the last one. Each thread waits for main's
//! "go" before it reads and lets go, so the run is the same every time.

use std::sync::Arc;
use std::sync::mpsc;
use std::thread;
use trace::Op;

struct Config {
    port: u16,
}

impl Drop for Config {
    fn drop(&mut self) {
        let by = thread::current().name().unwrap_or("?").to_string();
        trace::freed("Config");
        println!("Config freed by thread {by}");
    }
}

fn main() {
    trace::step("main creates one Arc<Config>");
    // #region share
    let config = Arc::new(Config { port: 8080 });
    trace::arc("config", Op::New, &config);
    trace::step("each thread gets its own clone: the count is 4");
    let mut workers = Vec::new();
    for name in ["t1", "t2", "t3"] {
        let mine = Arc::clone(&config); // one handle per thread
        trace::arc(name, Op::Clone, &mine);
        let (go, wait) = mpsc::channel::<()>();
        let (ready, started) = mpsc::channel::<()>();
        let worker = thread::Builder::new().name(name.into()).spawn(move || {
            trace::arc(name, Op::Look, &mine); // the handle is this thread's now
            ready.send(()).unwrap();
            wait.recv().unwrap(); // hold the handle until main says go
            trace::step(&format!("{name} reads the config, then drops its handle"));
            trace::arc(name, Op::Look, &mine);
            println!(
                "{name}: port {}, strong = {}",
                mine.port,
                Arc::strong_count(&mine)
            );
            trace::dropped(name);
            drop(mine);
        });
        let worker = worker.unwrap();
        started.recv().unwrap();
        workers.push((go, worker));
    }
    // #endregion share
    trace::arc("config", Op::Look, &config);
    // #region release
    println!("main: strong = {}", Arc::strong_count(&config));
    drop(config); // main lets go first: the value lives on
    trace::step("main drops its handle: the Config lives on");
    trace::dropped("config");
    for (go, worker) in workers {
        go.send(()).unwrap();
        worker.join().unwrap();
    }
    // #endregion release
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;
    use std::thread;

    #[test]
    fn handles_held_by_threads_count_until_joined() {
        let shared = Arc::new(5);
        let workers: Vec<_> = (0..3)
            .map(|_| {
                let mine = Arc::clone(&shared);
                thread::spawn(move || *mine * 2)
            })
            .collect();
        let sum: i32 = workers.into_iter().map(|w| w.join().unwrap()).sum();
        assert_eq!(sum, 30);
        assert_eq!(Arc::strong_count(&shared), 1);
    }
}
