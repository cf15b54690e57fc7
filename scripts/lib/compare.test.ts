import type { Expectation } from '../../core/snippet-data.ts'
import type { Capture, Subject } from './compare.ts'
import { describe, expect, it } from 'vitest'
import { compareText, judge, traceLines } from './compare.ts'

function subject(expectation: Expectation, place: 'bin' | 'fail' = 'bin'): Subject {
  return {
    file: 'snippets/rc/src/bin/x.rs',
    expectLine: 1,
    expectation,
    place,
    expectedFiles: { stdout: 'snippets/rc/expected/x.stdout', stderr: 'snippets/rc/expected/x.stderr', trace: 'snippets/rc/expected/x.trace' },
  }
}

function capture(over: Partial<Capture> = {}): Capture {
  return { diagnostics: [], locations: [], compiled: true, run: null, tests: null, trace: null, unformattedLine: null, ...over }
}

const run = (stdout: string, exitCode = 0, stderr = '') => ({ stdout, stderr, exitCode, timedOut: false })
const none = { stdout: null, stderr: null, trace: null }
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
