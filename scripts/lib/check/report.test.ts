import type { SnippetResult } from '../../../core/snippet-data.ts'
import { describe, expect, it } from 'vitest'
import { formatFailure, listedLines, reportFailures, reportJson, summaryLine, verdictLines } from './report.ts'

describe('formatFailure', () => {
  it('prints `file:line: message`, further lines indented under it', () => {
    expect(formatFailure('snippets/rc/src/bin/a.rs:3: error[E0382]: borrow of moved value\n  --> here\n')).toBe('snippets/rc/src/bin/a.rs:3: error[E0382]: borrow of moved value\n      --> here')
  })
  it('points a failure naming only a file at its first line, and one naming nothing at the fallback', () => {
    expect(formatFailure('snippets/trace/src/lib.rs: unused import')).toBe('snippets/trace/src/lib.rs:1: unused import')
    expect(formatFailure('did not compile', 'snippets/rc/src/bin/a.rs:1')).toBe('snippets/rc/src/bin/a.rs:1: did not compile')
  })
})

function result(id: string, failures: string[]): SnippetResult {
  return { id, topic: 'rc', file: `snippets/${id}.rs`, source: '', command: '', expectation: { kind: 'panics', message: 'boom' }, support: null, status: failures.length ? 'failed' : 'passed', failures, key: '', durationMs: 1, run: null, diagnostics: [], tests: null, trace: null }
}

describe('the report', () => {
  const report = { rustc: 'rustc 1.95.0', snippets: [result('rc/a', []), result('rc/b', ['snippets/rc/b.rs:1: expected panics "boom"'])], problems: ['slides/rc.md:4: snippet="rc/c" names no snippet'], updated: [], unshown: [], unjudged: [], passed: 1, failed: 2, durationMs: 1234.5 }

  it('lists every failure in one format, snippets first', () => {
    expect(reportFailures(report)).toEqual(['snippets/rc/b.rs:1: expected panics "boom"', 'slides/rc.md:4: snippet="rc/c" names no snippet'])
  })
  it('gives one verdict line per snippet and a summary', () => {
    expect(verdictLines(report)).toEqual([`ok   ${'rc/a'.padEnd(36)} panics "boom"`, `FAIL ${'rc/b'.padEnd(36)} panics "boom"`])
    expect(summaryLine(report)).toBe('1 passed, 2 failed')
  })
  it('lists imported snippets no slide shows, and unjudged ones, apart from the verdicts; neither is a failure', () => {
    const listed = { ...report, snippets: [{ ...result('rc/i', []), expectation: { kind: 'ignore' as const }, status: 'unjudged' as const }], unshown: [{ id: 'rc/block-2', file: 'snippets/rc/src/bin/block-2.rs', source: 'ch01.md, block 2' }], unjudged: ['rc/i'], problems: [], passed: 0, failed: 0 }
    expect(verdictLines(listed)).toEqual([`skip ${'rc/i'.padEnd(36)} ignore`])
    expect(listedLines(listed)).toEqual([
      'imported, not on a slide (1):',
      `  ${'rc/block-2'.padEnd(36)} snippets/rc/src/bin/block-2.rs  (from ch01.md, block 2)`,
      'unjudged, `expect: ignore` (1): rc/i',
    ])
    expect(reportFailures(listed)).toEqual([])
    expect(summaryLine(listed)).toBe('0 passed, 0 failed, 1 unjudged')
  })
  it('prints JSON with the promise in the header\'s words', () => {
    const json = JSON.parse(reportJson(report)) as { durationMs: number, snippets: { expectation: string }[] }
    expect(json.durationMs).toBe(1235)
    expect(json.snippets[1]!.expectation).toBe('panics "boom"')
  })
})
