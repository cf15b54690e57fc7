import type { Expectation } from '../../core/snippet-data.ts'
import type { Capture, Subject } from './compare.ts'
import { describe, expect, it } from 'vitest'
import { compareText, judge, notes, traceLines } from './compare.ts'
import { parseTestOutput } from './libtest.ts'

function subject(expectation: Expectation, place: 'bin' | 'fail' = 'bin'): Subject {
  return {
    file: 'snippets/rc/src/bin/x.rs',
    expectLine: 1,
    expectation,
    place,
    allow: [],
    edition: '2024',
    rustfmt: [],
    expectedFiles: { stdout: 'snippets/rc/expected/x.stdout', stderr: 'snippets/rc/expected/x.stderr', trace: 'snippets/rc/expected/x.trace' },
  }
}

function capture(over: Partial<Capture> = {}): Capture {
  return { diagnostics: [], locations: [], compiled: true, run: null, tests: null, trace: null, unformattedLine: null, ...over }
}

const run = (stdout: string, exitCode = 0, stderr = '') => ({ stdout, stderr, exitCode, timedOut: false })
const none = { stdout: null, stderr: null, trace: null }
/** What a test binary printed (rustc 1.95, normalised), one test failing as promised, one otherwise. */
const MOCK_TESTS = `
running 3 tests
test tests::starts_empty ... ok
test tests::odd ... FAILED
test tests::two_writers_at_once ... FAILED

failures:

---- tests::odd stdout ----
---- not a section stdout ----

thread 'tests::odd' panicked at refcell/src/bin/x.rs:40:9:
assertion \`left == right\` failed
  left: 1
 right: 2
note: run with \`RUST_BACKTRACE=1\` environment variable to display a backtrace

---- tests::two_writers_at_once stdout ----

thread 'tests::two_writers_at_once' panicked at refcell/src/bin/x.rs:35:36:
RefCell already borrowed


failures:
    tests::odd
    tests::two_writers_at_once

test result: FAILED. 1 passed; 2 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.00s
`
const error = (code: string | null, message = 'msg') => ({ level: 'error', code, message, rendered: `error: ${message}`, spans: [] })

describe('judge', () => {
  it('passes a program whose stdout matches', () => {
    expect(judge(subject({ kind: 'runs', varies: false }), capture({ run: run('a\nb\n') }), { ...none, stdout: 'a\nb\n' })).toEqual([])
  })

  it('names the first drifted line of stdout', () => {
    const [f] = judge(subject({ kind: 'runs', varies: false }), capture({ run: run('a\nc\n') }), { ...none, stdout: 'a\nb\n' })
    expect(f).toBe('snippets/rc/expected/x.stdout:2: stdout differs: expected "b", got "c"; run `npm run check -- --update` if the change is intended')
  })

  it('does not compare output that varies, but still wants exit 0', () => {
    expect(judge(subject({ kind: 'runs', varies: true }), capture({ run: run('42 ns') }), none)).toEqual([])
    expect(judge(subject({ kind: 'runs', varies: true }), capture({ run: run('', 101, 'thread \'main\' panicked at x.rs:1:1:\nboom\n') }), none)[0])
      .toBe('snippets/rc/src/bin/x.rs:1: expected runs (output varies), but it exited with 101: panicked with "boom"')
  })

  it('fails a must-not-compile snippet that compiles', () => {
    expect(judge(subject({ kind: 'compile-error', codes: ['E0499'] }, 'fail'), capture({ compiled: true }), none)[0])
      .toMatch(/:1: expected compile-error E0499, but it compiled/)
  })

  it('fails when rustc gives other error codes, listing them with their lines', () => {
    const c = capture({ compiled: false, diagnostics: [error('E0502', 'cannot borrow')], locations: ['snippets/rc/fail/x.rs:7'] })
    const [f] = judge(subject({ kind: 'compile-error', codes: ['E0499'] }, 'fail'), c, none)
    expect(f).toContain('expected error code E0499, rustc gave E0502')
    expect(f).toContain('snippets/rc/fail/x.rs:7: E0502: cannot borrow')
  })

  it('passes matching codes and ignores warnings', () => {
    const c = capture({ compiled: false, diagnostics: [error('E0499'), { ...error('E0499'), level: 'warning', code: 'unused' }] })
    expect(judge(subject({ kind: 'compile-error', codes: ['E0499'] }, 'fail'), c, none)).toEqual([])
  })

  it('checks a panic\'s message', () => {
    const stderr = 'thread \'main\' panicked at x.rs:3:4:\nalready mutably borrowed: BorrowError\n'
    const s = subject({ kind: 'panics', message: 'already borrowed' })
    expect(judge(s, capture({ run: run('', 101, stderr) }), none)[0]).toContain('but it panicked with "already mutably borrowed: BorrowError"')
    expect(judge(s, capture({ run: run('', 0) }), none)[0]).toContain('but it exited with 0 without panicking')
    expect(judge({ ...s, expectation: { kind: 'panics', message: 'already mutably borrowed' } }, capture({ run: run('', 101, stderr) }), none)).toEqual([])
  })

  it('reports failing tests and a `tests` snippet without tests', () => {
    expect(judge(subject({ kind: 'tests' }), capture({ tests: { passed: 0, failed: 0, output: '' } }), none)[0]).toContain('has no #[test] functions')
    expect(judge(subject({ kind: 'tests' }), capture({ tests: { passed: 1, failed: 1, output: 'test t ... FAILED' } }), none)[0]).toContain('1 of its tests failed')
  })

  it('keeps `test-fails` when one test fails with the message, and reports the others', () => {
    const s = subject({ kind: 'test-fails', message: 'already borrowed' })
    const tests = { ...parseTestOutput(MOCK_TESTS), output: MOCK_TESTS }
    expect(judge(s, capture({ tests }), none)).toEqual([])
    expect(notes(s, capture({ tests }))).toEqual([
      'failed as promised: tests::two_writers_at_once failed: "RefCell already borrowed"',
      'its other tests: tests::starts_empty passed; tests::odd failed: "assertion `left == right` failed"',
    ])
  })

  it('breaks `test-fails` when no test fails, or none with the message', () => {
    const s = subject({ kind: 'test-fails', message: 'already borrowed' })
    expect(judge(s, capture({ tests: { passed: 2, failed: 0, output: '', results: [] } }), none))
      .toEqual(['snippets/rc/src/bin/x.rs:1: expected test-fails "already borrowed", but all 2 of its tests passed'])
    expect(judge(s, capture({ tests: { passed: 0, failed: 0, output: '', results: [] } }), none)[0]).toContain('but it has no #[test] functions')
    const other = { ...parseTestOutput(MOCK_TESTS), output: MOCK_TESTS }
    const [f] = judge({ ...s, expectation: { kind: 'test-fails', message: 'BorrowMutError' } }, capture({ tests: other }), none)
    expect(f).toBe([
      'snippets/rc/src/bin/x.rs:1: expected test-fails "BorrowMutError", but no failing test\'s message contains it:',
      '    tests::odd failed: "assertion `left == right` failed"',
      '    tests::two_writers_at_once failed: "RefCell already borrowed"',
    ].join('\n'))
  })

  it('matches a compile error without a code on its message, alone or with codes', () => {
    const lifetime = error(null, 'lifetime may not live long enough')
    const c = capture({ compiled: false, diagnostics: [lifetime], locations: ['snippets/rc/fail/x.rs:5'] })
    expect(judge(subject({ kind: 'compile-error', codes: [], message: 'may not live long' }, 'fail'), c, none)).toEqual([])
    expect(judge(subject({ kind: 'compile-error', codes: [], message: 'does not live long enough' }, 'fail'), c, none))
      .toEqual(['snippets/rc/src/bin/x.rs:1: expected an error whose message contains "does not live long enough", rustc gave\n  snippets/rc/fail/x.rs:5: error: lifetime may not live long enough'])
    expect(judge(subject({ kind: 'compile-error', codes: ['E0499'], message: 'may not live long' }, 'fail'), c, none)[0])
      .toMatch(/^snippets\/rc\/src\/bin\/x\.rs:1: expected error code E0499, rustc gave errors without codes/)
    const both = capture({ compiled: false, diagnostics: [lifetime, error('E0499', 'cannot borrow `x` as mutable more than once at a time')] })
    expect(judge(subject({ kind: 'compile-error', codes: ['E0499'], message: 'may not live long' }, 'fail'), both, none)).toEqual([])
    expect(judge(subject({ kind: 'compile-error', codes: [], message: 'may not live long' }, 'fail'), both, none)[0]).toContain('expected errors without codes, rustc gave E0499')
  })

  it('fails on an error without a code that no quoted message promises', () => {
    const c = capture({ compiled: false, diagnostics: [error('E0499', 'cannot borrow'), error(null, 'let chains are only allowed in Rust 2024 or later')], locations: ['snippets/rc/fail/x.rs:7', 'snippets/rc/fail/x.rs:6'] })
    expect(judge(subject({ kind: 'compile-error', codes: ['E0499'] }, 'fail'), c, none)).toEqual([
      'snippets/rc/src/bin/x.rs:1: expected compile-error E0499, but rustc also gave an error without a code, which only a quoted message can promise\n  snippets/rc/fail/x.rs:6: error: let chains are only allowed in Rust 2024 or later',
    ])
    expect(judge(subject({ kind: 'compile-error', codes: ['E0499'], message: 'let chains' }, 'fail'), c, none)).toEqual([])
  })

  it('wants `compile-error (test)` to compile as a program and fail only for tests', () => {
    const s = subject({ kind: 'compile-error', codes: ['E0596'], test: true }, 'fail')
    const program = { compiled: true, diagnostics: [], locations: [] }
    expect(judge(s, capture({ compiled: false, diagnostics: [error('E0596')], program }), none)).toEqual([])
    expect(judge(s, capture({ compiled: true, program }), none))
      .toEqual(['snippets/rc/src/bin/x.rs:1: expected compile-error (test) E0596, but it compiled for tests too; a broken example that compiles teaches the wrong lesson'])
    const broken = { compiled: false, diagnostics: [error('E0596', 'cannot borrow')], locations: ['snippets/rc/fail/x.rs:9'] }
    expect(judge(s, capture({ compiled: false, diagnostics: [error('E0596')], program: broken }), none))
      .toEqual(['snippets/rc/src/bin/x.rs:1: expected compile-error (test) E0596, but it does not compile as a program either\n  snippets/rc/fail/x.rs:9: E0596: cannot borrow'])
  })

  it('fails a program on every warning its header does not allow, and notes the ones it does', () => {
    const unused = { ...error('unused_variables', 'unused variable: `x`'), level: 'warning', rendered: 'warning: unused variable: `x`' }
    const dead = { ...error('dead_code', 'function `f` is never used'), level: 'warning', rendered: 'warning: function `f` is never used' }
    const c = capture({ diagnostics: [unused, dead], locations: ['snippets/rc/src/bin/x.rs:4', 'snippets/rc/src/bin/x.rs:9'], run: run('') })
    const s = { ...subject({ kind: 'runs', varies: true }), allow: ['unused_variables'] }
    expect(judge(s, c, none)).toEqual(['snippets/rc/src/bin/x.rs:9: warning: function `f` is never used (denied; `//! allow: dead_code` would allow it)'])
    const allowed = { ...s, allow: ['unused_variables', 'dead_code', 'clippy::needless_return'] }
    expect(judge(allowed, c, none)).toEqual([])
    expect(notes(allowed, c)).toEqual(['allowed by its header: unused_variables (1 raised), dead_code (1 raised), clippy::needless_return (not raised); every other lint stays denied'])
  })

  it('reports compile errors of a program with their location', () => {
    const c = capture({ compiled: false, diagnostics: [error(null, 'this is a clippy lint')], locations: ['snippets/rc/src/bin/x.rs:4'] })
    expect(judge(subject({ kind: 'runs', varies: false }), c, none)).toEqual(['snippets/rc/src/bin/x.rs:4: error: this is a clippy lint'])
  })

  it('compares the recording, blanking measured values', () => {
    const trace = [{ seq: 0, ev: 'measure', name: 'clone', value: 3.2, unit: 'ns' }]
    const expected = traceLines([{ seq: 0, ev: 'measure', name: 'clone', value: 9.9, unit: 'ns' }])
    expect(judge(subject({ kind: 'runs', varies: true }), capture({ run: run(''), trace }), { ...none, trace: expected })).toEqual([])
    const drift = [{ seq: 0, ev: 'rc', handle: 'b', strong: 3 }]
    expect(judge(subject({ kind: 'runs', varies: true }), capture({ run: run(''), trace: drift }), { ...none, trace: expected })[0]).toContain('x.trace:1: recording differs')
  })
})

describe('compareText', () => {
  it('asks for --update when nothing is checked in', () => {
    expect(compareText('e.stdout', null, 'x', 'stdout')[0]).toBe('e.stdout:1: no expected stdout is checked in; run `npm run check -- --update` and review the new file')
  })

  it('says when output ended early', () => {
    expect(compareText('e', 'a\nb', 'a', 'stdout')[0]).toContain('expected "b", got end of output')
  })
})
