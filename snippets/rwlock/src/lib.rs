//! Code shared by the `rwlock` snippets. Each runnable snippet is a binary in
//! `src/bin/`; snippets that must not compile live in `fail/`.

pub use support::Turns;
