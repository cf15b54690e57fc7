import type { SnippetResult } from './snippet-data.ts'
import { describe, expect, it } from 'vitest'
import { changedLines, liveSteps, parseStepRef, promiseText, snippetIdsIn } from './live-steps.ts'

function result(id: string, source: string, over: Partial<SnippetResult> = {}): SnippetResult {
  return {
    id,
    topic: id.split('/')[0]!,
    file: `snippets/${id.replace('/', '/src/bin/')}.rs`,
    source,
    expectation: { kind: 'runs', varies: false },
    command: '',
    support: null,
    status: 'passed',
    failures: [],
    key: 'k',
    durationMs: 1,
    run: { stdout: 'out\n', stderr: '', exitCode: 0, timedOut: false },
    diagnostics: [],
    tests: null,
    trace: null,
    ...over,
  }
}

describe('changedLines', () => {
  it('marks inserted and changed lines of the new text, not kept ones', () => {
    expect(changedLines('a\nb\nc', 'a\nb\nc')).toEqual([])
    expect(changedLines('a\nb\nc', 'a\nx\nb\nc')).toEqual([1])
    expect(changedLines('a\nb\nc', 'a\nB\nc')).toEqual([1])
    expect(changedLines('a\nb\nc', 'a\nc')).toEqual([])
    expect(changedLines('a', 'b\na\nc')).toEqual([0, 2])
  })
})

describe('parseStepRef', () => {
  it('reads a step with or without its own region', () => {
    expect(parseStepRef('rc/x', 'counts')).toEqual({ id: 'rc/x', region: 'counts' })
    expect(parseStepRef('rc/x#fixed', 'counts')).toEqual({ id: 'rc/x', region: 'fixed' })
    expect(parseStepRef('rc/x', undefined)).toEqual({ id: 'rc/x', region: undefined })
  })
})

describe('liveSteps', () => {
  const a = '//! expect: runs\n\nfn main() {\n    // #region r\n    let x = 1;\n    // #endregion r\n}\n'
  const b = '//! expect: compile-error E0384\n\nfn main() {\n    // #region r\n    let x = 1;\n    x = 2;\n    // #endregion r\n}\n'
  const failing = result('t/b', b, {
    expectation: { kind: 'compile-error', codes: ['E0384'] },
    run: null,
    diagnostics: [{ level: 'error', code: 'E0384', message: 'cannot assign twice', rendered: 'error[E0384]: cannot assign twice', spans: [] }],
  })

  it('gives each step its region, the lines it changed and its capture', () => {
    const steps = liveSteps([{ result: result('t/a', a), region: 'r' }, { result: failing, region: 'r' }], () => null)
    expect(steps.map(s => s.code)).toEqual(['let x = 1;', 'let x = 1;\nx = 2;'])
    expect(steps[0]!.changed).toEqual([])
    expect(steps[1]!.changed).toEqual([1])
    expect(steps[0]!.recorded).toMatchObject({ outcome: 'ok', stdout: 'out\n' })
    expect(steps[1]!.recorded).toMatchObject({ outcome: 'compile_error' })
    expect(steps[1]!.codes).toEqual(['E0384'])
    expect(steps[1]!.promise).toBe('compile-error E0384')
  })

  it('says when a file differs from the source the check ran', () => {
    const edited = a.replace('1', '3')
    const [step] = liveSteps([{ result: result('t/a', a), region: 'r' }], () => edited)
    expect(step!.changedSinceCheck).toBe(true)
    expect(step!.code).toBe('let x = 3;')
    expect(liveSteps([{ result: result('t/a', a), region: 'r' }], () => a)[0]!.changedSinceCheck).toBe(false)
    expect(liveSteps([{ result: result('t/a', a), region: 'r' }], () => null)[0]!.changedSinceCheck).toBeNull()
  })

  it('names the file when a region is missing', () => {
    expect(() => liveSteps([{ result: result('t/a', a), region: 'nope' }], () => null)).toThrow(/snippets\/t\/src\/bin\/a\.rs: no region `nope`/)
  })
})

describe('promiseText', () => {
  it('states the promise as the header does', () => {
    expect(promiseText(result('t/a', ''))).toBe('runs')
    expect(promiseText(result('t/a', '', { expectation: { kind: 'panics', message: 'already borrowed' } }))).toBe('panics "already borrowed"')
  })
})

describe('snippetIdsIn', () => {
  it('finds the snippets a slide shows, once each', () => {
    const md = [
      '<<< @/../snippets/rc/src/bin/clone-counts.rs#counts rust {1|2}',
      '<RunOutput snippet="rc/clone-counts" />',
      `<LiveSnippet :steps="['refcell/double-borrow#alias', 'refcell/double-borrow-fixed']" />`,
      '<<< @/../snippets/rc/fail/rc-across-threads.rs',
    ].join('\n')
    expect(snippetIdsIn(md).sort()).toEqual(['rc/clone-counts', 'rc/rc-across-threads', 'refcell/double-borrow', 'refcell/double-borrow-fixed'])
  })
})
