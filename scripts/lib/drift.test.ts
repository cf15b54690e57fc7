import type { Diagnostic, SnippetResult } from '../../core/snippet-data.ts'
import { describe, expect, it } from 'vitest'
import { driftReport, snippetDrift } from './drift.ts'

function snippet(over: Partial<SnippetResult> = {}): SnippetResult {
  return {
    id: 'rc/x',
    topic: 'rc',
    file: 'snippets/rc/src/bin/x.rs',
    source: '',
    expectation: { kind: 'runs', varies: false },
    command: 'cargo run -q --bin x',
    support: null,
    status: 'passed',
    failures: [],
    key: 'k',
    durationMs: 0,
    run: null,
    diagnostics: [],
    tests: null,
    trace: null,
    ...over,
  }
}

const error = (code: string | null, message: string): Diagnostic => ({ level: 'error', code, message, rendered: '', spans: [] })
const run = (stdout: string, stderr = '', exitCode = 0) => ({ stdout, stderr, exitCode, timedOut: false })

describe('snippetDrift', () => {
  it('says which error codes came and went, and which messages changed wording', () => {
    const then = snippet({ diagnostics: [error('E0499', 'cannot borrow `x` as mutable more than once at a time')] })
    const now = snippet({ diagnostics: [error('E0502', 'cannot borrow `x` as immutable because it is also borrowed as mutable'), error(null, 'lifetime may not live long enough')] })
    expect(snippetDrift(then, now)).toEqual([
      'error codes +E0502 -E0499',
      'message gone: "E0499: cannot borrow `x` as mutable more than once at a time"',
      'message new: "E0502: cannot borrow `x` as immutable because it is also borrowed as mutable"',
      'message new: "lifetime may not live long enough"',
    ])
  })

  it('names the output lines that changed, a few, and counts the rest', () => {
    const then = snippet({ run: run('a\nb\nc\nd\ne\n') })
    const now = snippet({ run: run('a\nB\nC\nD\nE\n') })
    expect(snippetDrift(then, now)).toEqual([
      'stdout line 2: "b" → "B"',
      'stdout line 3: "c" → "C"',
      'stdout line 4: "d" → "D"',
      'stdout: 1 more lines differ',
    ])
  })

  it('reports a panic message, a test\'s message and a broken promise', () => {
    const then = snippet({ run: run('', 'thread \'main\' panicked at x.rs:1:1:\nalready borrowed: BorrowMutError\n', 101), tests: { passed: 0, failed: 1, output: '', results: [{ name: 't', outcome: 'FAILED', message: 'already borrowed: BorrowMutError' }] } })
    const now = snippet({ status: 'failed', run: run('', 'thread \'main\' panicked at x.rs:1:1:\nRefCell already borrowed\n', 101), tests: { passed: 0, failed: 1, output: '', results: [{ name: 't', outcome: 'FAILED', message: 'RefCell already borrowed' }] } })
    expect(snippetDrift(then, now)).toEqual([
      'panic message "already borrowed: BorrowMutError" → "RefCell already borrowed"',
      'test t message "already borrowed: BorrowMutError" → "RefCell already borrowed"',
      'now breaks its promise',
    ])
  })

  it('is silent when nothing changed', () => {
    expect(snippetDrift(snippet({ run: run('a\n') }), snippet({ run: run('a\n') }))).toEqual([])
  })
})

describe('driftReport', () => {
  it('names the toolchain change and each snippet that changed; nothing without a last check', () => {
    const before = { rustc: 'rustc 1.94.0', snippets: { 'rc/x': snippet({ run: run('1\n') }), 'rc/y': snippet({ id: 'rc/y' }) } }
    expect(driftReport(before, [snippet({ run: run('2\n') }), snippet({ id: 'rc/y' })], 'rustc 1.95.0')).toEqual([
      'toolchain: rustc 1.94.0 → rustc 1.95.0',
      'rc/x: stdout line 1: "1" → "2"',
    ])
    expect(driftReport(null, [snippet()], 'rustc 1.95.0')).toEqual([])
  })
})
