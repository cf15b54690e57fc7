import type { Expectation } from '../../core/snippet-data.ts'
import type { Capture, Expected, Subject } from './compare.ts'
import { describe, expect, it } from 'vitest'
import { brokenAsProgram, compiledAnyway, deniedDiagnostics, errorCodesAsPromised, errorMessageAsPromised, expectedStdout, failsAsPromised, formatting, hasTests, judge, judgeBroken, panicsAsPromised, recording, runsToTheEnd, uncodedErrors, unexpectedTestFailures } from './compare.ts'

const AT = 'snippets/rc/src/bin/x.rs:1'

function subject(expectation: Expectation, over: Partial<Subject> = {}): Subject {
  return {
    file: 'snippets/rc/src/bin/x.rs',
    expectLine: 1,
    expectation,
    place: 'bin',
    allow: [],
    edition: '2024',
    rustfmt: [],
    expectedFiles: { stdout: 'snippets/rc/expected/x.stdout', stderr: 'snippets/rc/expected/x.stderr', trace: 'snippets/rc/expected/x.trace' },
    ...over,
  }
}

function capture(over: Partial<Capture> = {}): Capture {
  return { diagnostics: [], locations: [], compiled: true, run: null, tests: null, trace: null, unformattedLine: null, ...over }
}

const run = (stdout: string, exitCode = 0, stderr = '', timedOut = false) => ({ stdout, stderr, exitCode, timedOut })
const none: Expected = { stdout: null, stderr: null, trace: null }
const error = (code: string | null, message = 'msg') => ({ level: 'error' as const, code, message, rendered: `error: ${message}`, spans: [] })
const warning = (code: string, rendered = `warning: ${code}`) => ({ level: 'warning' as const, code, message: code, rendered, spans: [] })
const broken = (codes: string[], more: { message?: string, test?: true } = {}): Expectation => ({ kind: 'compile-error', codes, ...more })
const PANIC = 'thread \'main\' panicked at x.rs:1:1:\nboom\nnote: run with `RUST_BACKTRACE=1` environment variable to display a backtrace\n'

describe('judge dispatches to its rules', () => {
  it('leaves `ignore` unjudged, wherever it is', () => {
    expect(judge(subject({ kind: 'ignore' }, { place: 'fail' }), capture({ compiled: false }), none)).toEqual([])
    expect(judge(subject({ kind: 'ignore' }), capture({ compiled: false, unformattedLine: 3 }), none)).toEqual([])
  })

  it('stops at denied lints, before formatting or the promise', () => {
    const c = capture({ diagnostics: [warning('unused_variables')], unformattedLine: 2, run: run('', 1) })
    expect(judge(subject({ kind: 'runs', varies: true }), c, none)).toHaveLength(1)
  })

  it('reports formatting, failed tests, the promise and the recording, in that order', () => {
    const c = capture({ unformattedLine: 2, tests: { passed: 0, failed: 1, output: 'test t ... FAILED' }, run: run('', 3), trace: [{ seq: 0, ev: 'x' }] })
    const found = judge(subject({ kind: 'runs', varies: true }), c, { ...none, trace: '' })
    expect(found).toHaveLength(4)
    expect(found[0]).toMatch(/^snippets\/rc\/src\/bin\/x\.rs:2: not formatted/)
    expect(found[1]).toContain('1 of its tests failed')
    expect(found[2]).toContain('exited with 3')
    expect(found[3]).toMatch(/^snippets\/rc\/expected\/x\.trace:1: recording differs/)
  })

  it('asks `builds` and a `compile-error` outside fail/ for nothing more', () => {
    expect(judge(subject({ kind: 'builds' }), capture(), none)).toEqual([])
    expect(judge(subject(broken([], { test: true })), capture(), none)).toEqual([])
  })
})

describe('judgeBroken', () => {
  it('wants a compile-error promise in fail/', () => {
    expect(judgeBroken(subject({ kind: 'runs', varies: false }, { place: 'fail' }), capture({ compiled: false })))
      .toEqual([`${AT}: snippets in fail/ must expect compile-error or ignore`])
  })

  it('keeps a promise of any error with any error, only asking for formatting', () => {
    const c = capture({ compiled: false, diagnostics: [error('E0502'), error(null)] })
    expect(judgeBroken(subject(broken([]), { place: 'fail' }), c)).toEqual([])
    expect(judgeBroken(subject(broken([]), { place: 'fail' }), { ...c, unformattedLine: 4 })[0]).toMatch(/^snippets\/rc\/src\/bin\/x\.rs:4: not formatted/)
  })

  it('stops at the first of: not a program, compiled', () => {
    const c = capture({ compiled: true, program: { compiled: false, diagnostics: [error('E0425')], locations: ['a.rs:2'] } })
    const found = judgeBroken(subject(broken(['E0382'], { test: true }), { place: 'fail' }), c)
    expect(found).toHaveLength(1)
    expect(found[0]).toContain('does not compile as a program either')
  })

  it('leaves uncoded errors unreported when the codes or the message already fail', () => {
    const c = capture({ compiled: false, diagnostics: [error('E0502'), error(null, 'other')] })
    expect(judgeBroken(subject(broken(['E0499']), { place: 'fail' }), c)).toHaveLength(1)
    expect(judgeBroken(subject(broken(['E0502']), { place: 'fail' }), c)[0]).toContain('without a code')
  })
})

describe('rules of a broken example', () => {
  it('brokenAsProgram: a `(test)` promise must compile as a program', () => {
    const program = { compiled: false, diagnostics: [error('E0425', 'cannot find value `x`')], locations: ['snippets/rc/fail/x.rs:3'] }
    expect(brokenAsProgram(subject(broken(['E0382'], { test: true })), capture({ compiled: false, program })))
      .toEqual([`${AT}: expected compile-error (test) E0382, but it does not compile as a program either\n  snippets/rc/fail/x.rs:3: E0425: cannot find value \`x\``])
    expect(brokenAsProgram(subject(broken(['E0382'], { test: true })), capture({ program: { ...program, compiled: true } }))).toEqual([])
    expect(brokenAsProgram(subject(broken(['E0382'])), capture({ program }))).toEqual([])
  })

  it('compiledAnyway: a broken example must not compile', () => {
    expect(compiledAnyway(subject(broken(['E0499'])), capture())[0]).toBe(`${AT}: expected compile-error E0499, but it compiled; a broken example that compiles teaches the wrong lesson`)
    expect(compiledAnyway(subject(broken(['E0499'], { test: true })), capture())[0]).toContain('but it compiled for tests too;')
    expect(compiledAnyway(subject(broken(['E0499'])), capture({ compiled: false }))).toEqual([])
  })

  it('errorCodesAsPromised: all and only the promised codes', () => {
    const c = capture({ compiled: false, diagnostics: [error('E0502', 'a'), error('E0499', 'b')], locations: ['f.rs:1', 'f.rs:2'] })
    expect(errorCodesAsPromised(subject(broken(['E0499', 'E0502'])), c)).toEqual([])
    expect(errorCodesAsPromised(subject(broken(['E0499'])), c))
      .toEqual([`${AT}: expected error code E0499, rustc gave E0499 E0502\n  f.rs:1: E0502: a\n  f.rs:2: E0499: b`])
    expect(errorCodesAsPromised(subject(broken(['E0382', 'E0505'])), capture({ compiled: false, diagnostics: [error(null, 'x')] }))[0])
      .toMatch(/expected error codes E0382 E0505, rustc gave errors without codes\n {2}snippets\/rc\/src\/bin\/x\.rs: error: x$/)
  })

  it('errorMessageAsPromised: some error contains the promised text', () => {
    const c = capture({ compiled: false, diagnostics: [error(null, 'lifetime may not live long enough')], locations: ['f.rs:5'] })
    expect(errorMessageAsPromised(subject(broken([], { message: 'may not live' })), c)).toEqual([])
    expect(errorMessageAsPromised(subject(broken([], { message: 'borrowed value' })), c))
      .toEqual([`${AT}: expected an error whose message contains "borrowed value", rustc gave\n  f.rs:5: error: lifetime may not live long enough`])
    expect(errorMessageAsPromised(subject(broken(['E0499'])), c)).toEqual([])
  })

  it('uncodedErrors: an error without a code needs a quoted message', () => {
    const c = capture({ compiled: false, diagnostics: [error('E0499'), error(null, 'one'), error(null, 'two')], locations: ['f.rs:1', 'f.rs:2', 'f.rs:3'] })
    expect(uncodedErrors(subject(broken(['E0499'])), c))
      .toEqual([`${AT}: expected compile-error E0499, but rustc also gave errors without a code, which only a quoted message can promise\n  f.rs:2: error: one\n  f.rs:3: error: two`])
    expect(uncodedErrors(subject(broken(['E0499'], { message: 'one' })), c)[0]).toContain('an error without a code')
    expect(uncodedErrors(subject(broken(['E0499'])), capture({ compiled: false, diagnostics: [error('E0499')] }))).toEqual([])
  })
})

describe('rules every program meets', () => {
  it('deniedDiagnostics: lints the header does not allow, errors, or not compiling', () => {
    const lint = warning('unused_variables', '\u001B[33mwarning\u001B[0m: unused variable: `x`\n --> x.rs:2:9')
    expect(deniedDiagnostics(subject({ kind: 'builds' }, { allow: ['unused_variables'] }), capture({ diagnostics: [lint] }))).toEqual([])
    expect(deniedDiagnostics(subject({ kind: 'builds' }), capture({ diagnostics: [lint], locations: ['x.rs:2'] })))
      .toEqual(['x.rs:2: warning: unused variable: `x` (denied; `//! allow: unused_variables` would allow it)'])
    expect(deniedDiagnostics(subject({ kind: 'builds' }), capture({ compiled: false, diagnostics: [error('E0382', 'use of moved value')] })))
      .toEqual(['snippets/rc/src/bin/x.rs: error: use of moved value'])
    expect(deniedDiagnostics(subject({ kind: 'builds' }), capture({ compiled: false }))).toEqual([`${AT}: did not compile`])
  })

  it('formatting: names the first line rustfmt would change, and how to fix it', () => {
    expect(formatting(subject({ kind: 'builds' }), capture())).toEqual([])
    expect(formatting(subject({ kind: 'builds' }), capture({ unformattedLine: 7 })))
      .toEqual(['snippets/rc/src/bin/x.rs:7: not formatted as rustfmt would; run `cargo fmt` in snippets/ or run `rustfmt --edition 2024 snippets/rc/src/bin/x.rs`'])
    expect(formatting(subject({ kind: 'builds' }, { edition: '2021', rustfmt: ['style_edition=2021'] }), capture({ unformattedLine: 7 })))
      .toEqual(['snippets/rc/src/bin/x.rs:7: not formatted as rustfmt would; run `rustfmt --edition 2021 --config style_edition=2021 snippets/rc/src/bin/x.rs`'])
    expect(formatting(subject({ kind: 'builds' }), capture({ unformattedLine: 1, rustfmtError: 'expected `;`' })))
      .toEqual(['snippets/rc/src/bin/x.rs:1: rustfmt (edition 2024) cannot parse it: expected `;`'])
  })

  it('unexpectedTestFailures: failed tests fail everything but `test-fails`', () => {
    const tests = { passed: 1, failed: 1, output: '\ntest t ... FAILED\n' }
    expect(unexpectedTestFailures(subject({ kind: 'runs', varies: false }), capture({ tests }))).toEqual([`${AT}: 1 of its tests failed\n    test t ... FAILED`])
    expect(unexpectedTestFailures(subject({ kind: 'test-fails', message: 'x' }), capture({ tests }))).toEqual([])
    expect(unexpectedTestFailures(subject({ kind: 'tests' }), capture({ tests: { ...tests, failed: 0 } }))).toEqual([])
  })

  it('expectedStdout: what it printed against the checked-in file', () => {
    expect(expectedStdout(subject({ kind: 'builds' }), run('a\n'), { ...none, stdout: 'a\n' })).toEqual([])
    expect(expectedStdout(subject({ kind: 'builds' }), run('a\n'), none))
      .toEqual(['snippets/rc/expected/x.stdout:1: no expected stdout is checked in; run `npm run check -- --update` and review the new file'])
  })

  it('recording: compared when made, missing when expected', () => {
    const trace = [{ seq: 0, ev: 'rc', handle: 'a' }]
    expect(recording(subject({ kind: 'builds' }), capture({ trace }), { ...none, trace: '{"seq":0,"ev":"rc","handle":"a"}\n' })).toEqual([])
    expect(recording(subject({ kind: 'builds' }), capture({ trace }), none)[0]).toContain('no expected recording is checked in')
    expect(recording(subject({ kind: 'builds' }), capture({ trace: [] }), { ...none, trace: 'x\n' }))
      .toEqual(['snippets/rc/expected/x.trace:1: a recording is expected, but the run recorded nothing'])
    expect(recording(subject({ kind: 'builds' }), capture(), none)).toEqual([])
  })
})

describe('rules of each promise', () => {
  it('hasTests: `tests` needs some', () => {
    expect(hasTests(subject({ kind: 'tests' }), capture({ tests: { passed: 1, failed: 0, output: '' } }))).toEqual([])
    expect(hasTests(subject({ kind: 'tests' }), capture())).toEqual([`${AT}: expected tests, but it has no #[test] functions`])
  })

  it('failsAsPromised: a test fails, with the promised text', () => {
    const s = subject({ kind: 'test-fails', message: 'boom' })
    const failed = (message: string) => ({ passed: 0, failed: 1, output: '', results: [{ name: 't', outcome: 'FAILED' as const, message }] })
    expect(failsAsPromised(s, capture({ tests: failed('a boom') }))).toEqual([])
    expect(failsAsPromised(s, capture({ tests: failed('quiet') }))).toEqual([`${AT}: expected test-fails "boom", but no failing test's message contains it:\n    t failed: "quiet"`])
    expect(failsAsPromised(s, capture({ tests: { passed: 3, failed: 0, output: '' } }))).toEqual([`${AT}: expected test-fails "boom", but all 3 of its tests passed`])
    expect(failsAsPromised(s, capture())).toEqual([`${AT}: expected test-fails "boom", but it has no #[test] functions`])
  })

  it('runsToTheEnd: exit 0 in time, its stdout unless it varies, its stderr when checked in', () => {
    const s = subject({ kind: 'runs', varies: false })
    expect(runsToTheEnd(s, capture(), none)).toEqual([])
    expect(runsToTheEnd(s, capture({ run: run('', 0, '', true) }), none)).toEqual([`${AT}: expected runs, but it was killed after the time limit`])
    expect(runsToTheEnd(s, capture({ run: run('', 101, PANIC) }), none)).toEqual([`${AT}: expected runs, but it exited with 101: panicked with "boom"`])
    expect(runsToTheEnd(s, capture({ run: run('', 2) }), none)).toEqual([`${AT}: expected runs, but it exited with 2`])
    expect(runsToTheEnd(subject({ kind: 'runs', varies: true }), capture({ run: run('x') }), none)).toEqual([])
    expect(runsToTheEnd(s, capture({ run: run('a\n', 0, 'warn\n') }), { ...none, stdout: 'a\n', stderr: 'note\n' }))
      .toEqual(['snippets/rc/expected/x.stderr:1: stderr differs: expected "note", got "warn"; run `npm run check -- --update` if the change is intended'])
  })

  it('panicsAsPromised: a panic in time, with the promised text; its stdout when checked in', () => {
    const s = subject({ kind: 'panics', message: 'boom' })
    expect(panicsAsPromised(s, capture({ run: run('', 101, PANIC) }), none)).toEqual([])
    expect(panicsAsPromised(subject({ kind: 'panics' }), capture({ run: run('', 101, PANIC) }), none)).toEqual([])
    expect(panicsAsPromised(s, capture({ run: run('', 101, PANIC.replace('boom', 'bang')) }), none)).toEqual([`${AT}: expected panics "boom", but it panicked with "bang"`])
    expect(panicsAsPromised(s, capture({ run: run('', 0) }), none)).toEqual([`${AT}: expected panics "boom", but it exited with 0 without panicking`])
    expect(panicsAsPromised(s, capture({ run: run('', 101, PANIC, true) }), none)).toEqual([`${AT}: expected panics "boom", but it was killed after the time limit`])
    expect(panicsAsPromised(s, capture({ run: run('b\n', 101, PANIC) }), { ...none, stdout: 'a\n' }))
      .toEqual(['snippets/rc/expected/x.stdout:1: stdout differs: expected "a", got "b"; run `npm run check -- --update` if the change is intended'])
  })
})
