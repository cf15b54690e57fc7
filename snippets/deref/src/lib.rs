//! Code shared by the `deref` snippets. Each runnable snippet is a binary in
//! `src/bin/`; snippets that must not compile live in `fail/`.
