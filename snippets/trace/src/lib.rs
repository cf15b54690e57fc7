//! A recorder for the lesson's animations, `std` only.
//!
//! Snippets call these functions at the moments a slide should show. Each
//! call appends one JSON object (one line) to the file named by the
//! `LESSON_TRACE` environment variable; without it every call does nothing.
//! Nothing is ever written to stdout or stderr, so the output a slide shows
//! stays the program's own.
//!
//! The line format is documented in `components/logic/trace.ts`, which
//! parses it; every line carries `"ev"` (the event kind) and `"seq"` (its
//! position in the run). Allocations are named by the order in which the run
//! first saw them (`alloc0`, `alloc1`, …), never by address, so a recording
//! is the same on every machine.

use std::cell::RefCell;
use std::collections::HashMap;
use std::fmt::Write as _;
use std::fs::{File, OpenOptions};
use std::io::Write as _;
use std::rc::{Rc, Weak as RcWeak};
use std::sync::{Arc, Mutex, OnceLock, RwLock, Weak as ArcWeak};

struct Recorder {
    file: Option<File>,
    seq: u64,
    allocs: HashMap<usize, usize>,
}

fn recorder() -> &'static Mutex<Recorder> {
    static REC: OnceLock<Mutex<Recorder>> = OnceLock::new();
    REC.get_or_init(|| {
        let file = std::env::var_os("LESSON_TRACE").map(|path| {
            OpenOptions::new()
                .create(true)
                .append(true)
                .open(&path)
                .unwrap_or_else(|e| panic!("trace: cannot open {path:?}: {e}"))
        });
        Mutex::new(Recorder {
            file,
            seq: 0,
            allocs: HashMap::new(),
        })
    })
}

/// Escapes `s` as a JSON string, quotes included.
fn json_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A field of an event: a string or a number.
enum Val<'a> {
    S(&'a str),
    N(u64),
    F(f64),
    B(bool),
}

/// Writes one event. A poisoned recorder (a snippet that panics on purpose
/// while another thread records) keeps recording: the trace of a panic is
/// exactly what the slide wants to show.
fn emit(ev: &str, fields: &[(&str, Val<'_>)], addr: Option<usize>) {
    let mut rec = recorder().lock().unwrap_or_else(|p| p.into_inner());
    if rec.file.is_none() {
        return;
    }
    let mut line = format!("{{\"seq\":{},\"ev\":{}", rec.seq, json_str(ev));
    rec.seq += 1;
    if let Some(addr) = addr {
        let next = rec.allocs.len();
        let id = *rec.allocs.entry(addr).or_insert(next);
        let _ = write!(line, ",\"alloc\":\"alloc{id}\"");
    }
    for (key, val) in fields {
        let _ = match val {
            Val::S(s) => write!(line, ",{}:{}", json_str(key), json_str(s)),
            Val::N(n) => write!(line, ",{}:{n}", json_str(key)),
            Val::F(f) => write!(line, ",{}:{f:.3}", json_str(key)),
            Val::B(b) => write!(line, ",{}:{b}", json_str(key)),
        };
    }
    line.push_str("}\n");
    if let Some(file) = rec.file.as_mut() {
        file.write_all(line.as_bytes())
            .and_then(|()| file.flush())
            .expect("trace: cannot write the recording");
    }
}

fn thread_name() -> String {
    std::thread::current()
        .name()
        .unwrap_or("unnamed")
        .to_string()
}

/// Starts a new step of the animation, with a caption shown under it.
pub fn step(caption: &str) {
    emit("step", &[("caption", Val::S(caption))], None);
}

/// A free-form label attached to the current step.
pub fn label(text: &str) {
    emit("label", &[("text", Val::S(text))], None);
}

/// What happened to a handle, for [`rc`], [`arc`] and their weak forms.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Op {
    /// The handle was created by `Rc::new` / `Arc::new`.
    New,
    /// The handle is a clone of another.
    Clone,
    /// The handle came from `Rc::downgrade` / `Arc::downgrade`.
    Downgrade,
    /// The handle came from a successful `Weak::upgrade`.
    Upgrade,
    /// Only the counts are shown again, nothing changed hands.
    Look,
}

impl Op {
    fn as_str(self) -> &'static str {
        match self {
            Op::New => "new",
            Op::Clone => "clone",
            Op::Downgrade => "downgrade",
            Op::Upgrade => "upgrade",
            Op::Look => "look",
        }
    }
}

fn counts(kind: &str, name: &str, op: Op, strong: usize, weak: usize, addr: usize) {
    emit(
        kind,
        &[
            ("handle", Val::S(name)),
            ("op", Val::S(op.as_str())),
            ("strong", Val::N(strong as u64)),
            ("weak", Val::N(weak as u64)),
            ("thread", Val::S(&thread_name())),
        ],
        Some(addr),
    );
}

/// One body for the four handle recorders: `Rc`, `Arc` and their `Weak`s
/// have the same count functions but no common trait.
macro_rules! handle_recorder {
    ($(#[$doc:meta])* $fn_name:ident, $kind:literal, $handle:ident) => {
        $(#[$doc])*
        pub fn $fn_name<T: ?Sized>(name: &str, op: Op, handle: &$handle<T>) {
            let addr = $handle::as_ptr(handle) as *const u8 as usize;
            let (strong, weak) = ($handle::strong_count(handle), $handle::weak_count(handle));
            counts($kind, name, op, strong, weak, addr);
        }
    };
}

handle_recorder!(
    /// Records the `Rc` handle `name` and its allocation's strong and weak counts.
    rc,
    "rc",
    Rc
);
handle_recorder!(
    /// Records the `Arc` handle `name` and its allocation's counts.
    arc,
    "arc",
    Arc
);
handle_recorder!(
    /// Records the `rc::Weak` handle `name`. Once the value is freed, the weak
    /// handle still names the allocation, with a strong count of 0.
    rc_weak,
    "weak",
    RcWeak
);
handle_recorder!(
    /// Records the `sync::Weak` handle `name`, an `Arc`'s weak form; it names
    /// the same allocation as the `Arc`s it came from.
    arc_weak,
    "weak",
    ArcWeak
);

/// Records that a `Weak::upgrade` of handle `name` returned `None`.
pub fn upgrade_failed(name: &str) {
    emit("upgrade-failed", &[("handle", Val::S(name))], None);
}

/// Records that handle `name` went away (dropped or moved out of the picture).
pub fn dropped(name: &str) {
    emit(
        "drop",
        &[("handle", Val::S(name)), ("thread", Val::S(&thread_name()))],
        None,
    );
}

/// Records that the value named `what` was freed (typically from its `Drop`).
pub fn freed(what: &str) {
    emit("free", &[("what", Val::S(what))], None);
}

/// The borrow flag of a `RefCell`, as the program can observe it on stable.
fn refcell_flag<T: ?Sized>(cell: &RefCell<T>) -> &'static str {
    if cell.try_borrow_mut().is_ok() {
        "unborrowed"
    } else if cell.try_borrow().is_ok() {
        "shared"
    } else {
        "exclusive"
    }
}

/// Kinds of `RefCell` events.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Borrow {
    /// A `Ref` guard named by the event was taken with `borrow()`.
    Shared,
    /// A `RefMut` guard was taken with `borrow_mut()`.
    Exclusive,
    /// The guard named by the event was dropped.
    Release,
    /// A borrow was refused: `try_borrow_mut` returned `Err`, or the
    /// next line panics with "already borrowed".
    Refused,
}

/// Records a `RefCell` event for guard `guard` on the cell `cell_name`,
/// with the flag as the cell reports it right now.
pub fn refcell<T: ?Sized>(cell_name: &str, guard: &str, what: Borrow, cell: &RefCell<T>) {
    let op = match what {
        Borrow::Shared => "borrow",
        Borrow::Exclusive => "borrow_mut",
        Borrow::Release => "release",
        Borrow::Refused => "refused",
    };
    emit(
        "refcell",
        &[
            ("cell", Val::S(cell_name)),
            ("guard", Val::S(guard)),
            ("op", Val::S(op)),
            ("flag", Val::S(refcell_flag(cell))),
        ],
        None,
    );
}

/// What a thread does with a lock.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LockOp {
    /// About to call `lock()` / `read()` / `write()`; may block.
    Wait,
    /// The guard is held.
    Acquire,
    /// The guard was dropped.
    Release,
    /// `try_lock` / `try_read` / `try_write` found the lock taken.
    WouldBlock,
    /// The lock call returned `Err(PoisonError)`.
    Poisoned,
    /// The thread panicked while holding the guard.
    Panic,
}

/// Which side of a lock.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// A `Mutex` guard.
    Exclusive,
    /// An `RwLock` read guard.
    Read,
    /// An `RwLock` write guard.
    Write,
}

fn lock_event(kind: &str, name: &str, mode: Mode, op: LockOp, poisoned: bool) {
    let op = match op {
        LockOp::Wait => "wait",
        LockOp::Acquire => "acquire",
        LockOp::Release => "release",
        LockOp::WouldBlock => "would-block",
        LockOp::Poisoned => "poisoned",
        LockOp::Panic => "panic",
    };
    let mode = match mode {
        Mode::Exclusive => "exclusive",
        Mode::Read => "read",
        Mode::Write => "write",
    };
    emit(
        "lock",
        &[
            ("kind", Val::S(kind)),
            ("lock", Val::S(name)),
            ("thread", Val::S(&thread_name())),
            ("mode", Val::S(mode)),
            ("op", Val::S(op)),
            ("poisoned", Val::B(poisoned)),
        ],
        None,
    );
}

/// Records what the current (named) thread does with the `Mutex` `name`.
pub fn mutex<T: ?Sized>(name: &str, op: LockOp, lock: &Mutex<T>) {
    lock_event("mutex", name, Mode::Exclusive, op, lock.is_poisoned());
}

/// Records what the current (named) thread does with the `RwLock` `name`.
pub fn rwlock<T: ?Sized>(name: &str, mode: Mode, op: LockOp, lock: &RwLock<T>) {
    lock_event("rwlock", name, mode, op, lock.is_poisoned());
}

/// Records the size and alignment of `T`, as this compiler laid it out.
/// `heap` is how many bytes the value owns on the heap (0 if none).
pub fn layout<T>(name: &str, heap: usize) {
    emit(
        "layout",
        &[
            ("type", Val::S(name)),
            ("size", Val::N(std::mem::size_of::<T>() as u64)),
            ("align", Val::N(std::mem::align_of::<T>() as u64)),
            ("heap", Val::N(heap as u64)),
        ],
        None,
    );
}

/// Records the size of a value whose type may be unsized behind a pointer
/// (`size_of_val`), e.g. the `str` inside a `Box<str>`.
pub fn layout_of_val<T: ?Sized>(name: &str, value: &T) {
    emit(
        "layout",
        &[
            ("type", Val::S(name)),
            ("size", Val::N(std::mem::size_of_val(value) as u64)),
            ("align", Val::N(std::mem::align_of_val(value) as u64)),
            ("heap", Val::N(0)),
        ],
        None,
    );
}

/// Records a measured figure (e.g. nanoseconds per clone). Measurements vary
/// between runs, so the check records them without comparing them.
pub fn measure(name: &str, value: f64, unit: &str) {
    // JSON has no NaN or infinity: a broken measurement reads as 0.
    let value = if value.is_finite() { value } else { 0.0 };
    emit(
        "measure",
        &[
            ("name", Val::S(name)),
            ("value", Val::F(value)),
            ("unit", Val::S(unit)),
        ],
        None,
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_strings_are_escaped() {
        assert_eq!(json_str("a\"b\\c\nd"), r#""a\"b\\c\nd""#);
        assert_eq!(json_str("\u{1}"), r#""\u0001""#);
    }

    #[test]
    fn an_arc_and_its_weak_handle_share_one_address() {
        let strong = Arc::new(5);
        let weak = Arc::downgrade(&strong);
        assert_eq!(
            Arc::as_ptr(&strong) as *const u8,
            weak.as_ptr() as *const u8
        );
        assert_eq!((weak.strong_count(), weak.weak_count()), (1, 1));
    }

    #[test]
    fn refcell_flag_follows_live_guards() {
        let cell = RefCell::new(1);
        assert_eq!(refcell_flag(&cell), "unborrowed");
        let r = cell.borrow();
        assert_eq!(refcell_flag(&cell), "shared");
        drop(r);
        let w = cell.borrow_mut();
        assert_eq!(refcell_flag(&cell), "exclusive");
        drop(w);
    }
}
