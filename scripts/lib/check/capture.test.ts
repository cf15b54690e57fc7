import type { Diagnostic } from '../../../core/snippet-data.ts'
import { describe, expect, it } from 'vitest'
import { clashingBinaries, supportProblems, testCapture } from './capture.ts'

const diag = (message: string, level = 'error'): Diagnostic => ({ level, code: null, message, rendered: '', spans: [] })

describe('testCapture', () => {
  it('adds up the tallies of every test binary and keeps output only on failure', () => {
    expect(testCapture('test result: ok. 2 passed; 0 failed;\ntest result: ok. 1 passed; 0 failed;', 0)).toMatchObject({ passed: 3, failed: 0, output: '' })
    const failed = testCapture('test t ... FAILED\ntest result: FAILED. 1 passed; 1 failed;', 101)
    expect(failed).toMatchObject({ passed: 1, failed: 1 })
    expect(failed.output).toContain('test t ... FAILED')
  })
  it('counts a binary that failed without a tally as one failure', () => {
    expect(testCapture('thread main panicked', 101)).toMatchObject({ passed: 0, failed: 1 })
  })
})

describe('supportProblems', () => {
  const ws = '/k/snippets'
  it('reports errors and lints in support code with their location, not the snippets\' (the build no longer denies warnings itself)', () => {
    const inTrace = diag('cannot find value `x`')
    const inSnippet = diag('mismatched types')
    const build = {
      success: false,
      command: 'cargo build',
      stderr: '',
      diagnostics: new Map([[`${ws}/trace/src/lib.rs`, [inTrace, diag('unused', 'warning')]], [`${ws}/rc/src/bin/a.rs`, [inSnippet]]]),
      locations: new Map([[inTrace, 'trace/src/lib.rs:7']]),
    }
    expect(supportProblems(build, new Set([`${ws}/rc/src/bin/a.rs`]), ws)).toEqual(['snippets/trace/src/lib.rs:7: cannot find value `x`', 'snippets/trace/src/lib.rs:1: unused'])
  })
  it('says when cargo failed without a diagnostic, pointing at the workspace', () => {
    const problems = supportProblems({ success: false, command: 'cargo build', stderr: 'error: no such manifest\n', diagnostics: new Map(), locations: new Map() }, new Set(), ws)
    expect(problems).toEqual(['snippets/Cargo.toml:1: `cargo build` failed:\nerror: no such manifest'])
  })
})

describe('clashingBinaries', () => {
  it('names two sources that build the same binary', () => {
    const exes = new Map([
      ['/k/snippets/rc/src/bin/exercise.rs', { bin: '/k/target/debug/exercise' }],
      ['/k/snippets/box/src/bin/exercise.rs', { bin: '/k/target/debug/exercise', test: '/k/target/debug/deps/exercise-123' }],
    ])
    expect(clashingBinaries(exes, '/k/snippets')).toEqual([
      'snippets/box/src/bin/exercise.rs:1: builds the same binary `exercise` as snippets/rc/src/bin/exercise.rs; give one a `[[bin]]` entry with its own name in its crate\'s Cargo.toml',
    ])
  })
})
