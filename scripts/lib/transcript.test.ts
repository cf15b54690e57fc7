import { describe, expect, it } from 'vitest'
import { readTranscript } from './transcript.ts'

// Small transcripts of our own, in the format the Rust Book records beside
// each listing (first line the command, then what cargo and the program printed).
const read = (text: string) => readTranscript(text, 'x/output.txt')

describe('readTranscript', () => {
  it('reads a `cargo run` that printed: runs, with its stdout', () => {
    const r = read('$ cargo run\n   Compiling counts v0.1.0 (file:///projects/counts)\n    Finished `dev` profile [unoptimized + debuginfo] target(s) in 0.45s\n     Running `target/debug/counts`\ncount = 1\ncount = 2\n')
    expect(r.expectation).toEqual({ kind: 'runs', varies: false })
    expect(r.stdout).toBe('count = 1\ncount = 2\n')
    expect(r.command).toBe('cargo run')
  })

  it('reads a panic in either format, keeping what was printed before it', () => {
    const old = read('$ cargo run\n     Running `target/debug/p`\nbefore\nthread \'main\' panicked at \'already borrowed: BorrowMutError\', src/main.rs:9:5\nnote: run with `RUST_BACKTRACE=1` environment variable to display a backtrace\n')
    expect(old.expectation).toEqual({ kind: 'panics', message: 'already borrowed: BorrowMutError' })
    expect(old.stdout).toBe('before\n')
    const now = read('$ cargo run\n     Running `target/debug/p`\nthread \'main\' (81) panicked at src/main.rs:9:5:\nindex out of bounds\nnote: run with `RUST_BACKTRACE=1` environment variable to display a backtrace\nerror: process didn\'t exit successfully: `target/debug/p` (exit status: 101)\n')
    expect(now.expectation).toEqual({ kind: 'panics', message: 'index out of bounds' })
    expect(now.stdout).toBe('')
  })

  it('reads compile errors: codes, a message without a code, `(test)` under cargo test', () => {
    const coded = read('$ cargo run\n   Compiling b v0.1.0 (file:///projects/b)\nerror[E0499]: cannot borrow `s` as mutable more than once at a time\n --> src/main.rs:5:14\n\nFor more information about this error, try `rustc --explain E0499`.\nerror: could not compile `b` (bin "b") due to 1 previous error\n')
    expect(coded.expectation).toEqual({ kind: 'compile-error', codes: ['E0499'] })
    const uncoded = read('$ cargo build\nerror: lifetime may not live long enough\n --> src/main.rs:3:5\nerror: could not compile `l` (bin "l") due to 1 previous error\n')
    expect(uncoded.expectation).toEqual({ kind: 'compile-error', codes: [], message: 'lifetime may not live long enough' })
    const test = read('$ cargo test\n   Compiling t v0.1.0 (file:///projects/t)\nerror[E0596]: cannot borrow `self.sent` as mutable, as it is behind a `&` reference\nerror: could not compile `t` (lib test) due to 1 previous error\n')
    expect(test.expectation).toEqual({ kind: 'compile-error', codes: ['E0596'], test: true })
    expect(test.reasons[0]).toContain('compile as a program and fail only when compiled for tests')
  })

  it('reads tests that pass, and a test that fails with a message', () => {
    expect(read('$ cargo test\nrunning 1 test\ntest tests::a ... ok\n\ntest result: ok. 1 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.00s\n').expectation).toEqual({ kind: 'tests' })
    const failing = read('$ cargo test\nrunning 1 test\ntest tests::sends ... FAILED\n\nfailures:\n\n---- tests::sends stdout ----\nthread \'tests::sends\' panicked at src/lib.rs:60:53:\nalready borrowed: BorrowMutError\n\nfailures:\n    tests::sends\n\ntest result: FAILED. 0 passed; 1 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.00s\n\nerror: test failed, to rerun pass `--lib`\n')
    expect(failing.expectation).toEqual({ kind: 'test-fails', message: 'already borrowed: BorrowMutError' })
  })

  it('reads a build as compiling only, and the warnings it shows', () => {
    const r = read('$ cargo build\nwarning: unused variable: `x`\n  = note: `#[warn(unused_variables)]` on by default\n    Finished `dev` profile [unoptimized + debuginfo] target(s) in 0.2s\n')
    expect(r.expectation).toEqual({ kind: 'runs', varies: true })
    expect(r.warnedLints).toEqual(['unused_variables'])
    expect(r.reasons[0]).toContain('shows only that it compiles')
  })

  it('names the file and line of what it cannot read', () => {
    expect(() => read('cargo run\n')).toThrow('x/output.txt:1: the first line should be the command that made the output')
    expect(() => read('$ cargo test\nrunning 1 test\n')).toThrow('x/output.txt: a `cargo test` transcript without a `test result:` line')
  })
})
