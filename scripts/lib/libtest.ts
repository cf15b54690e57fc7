/**
 * Reads what a unit-test binary printed (libtest's plain format, as
 * `cargo test` shows it): one `test name ... ok` line per test, then a
 * `---- name stdout ----` section for each failed test, then the totals.
 */
import type { TestOutcome } from '../../core/snippet-data.ts'
import { panicMessage } from '../../core/panic.ts'

export interface TestReport {
  passed: number
  failed: number
  results: TestOutcome[]
}

const RESULT_LINE = /^test (.+?)(?: - should panic)? \.\.\. (ok|FAILED|ignored)(?:,.*)?$/gm
const TOTALS = /^test result: \w+\. (\d+) passed; (\d+) failed/gm

export function parseTestOutput(output: string): TestReport {
  const results: TestOutcome[] = []
  for (const m of output.matchAll(RESULT_LINE))
    results.push({ name: m[1]!, outcome: m[2] as TestOutcome['outcome'], message: null })
  let passed = 0
  let failed = 0
  for (const m of output.matchAll(TOTALS)) {
    passed += Number(m[1])
    failed += Number(m[2])
  }
  // A failed test's section runs to the next failed test's section or to the
  // closing `failures:` list. Only the names the runner reported open a
  // section, so a test that prints `---- x stdout ----` itself cannot.
  const failedNames = results.filter(r => r.outcome === 'FAILED').map(r => r.name)
  const starts = failedNames
    .map(name => ({ name, at: output.indexOf(`\n---- ${name} stdout ----\n`) }))
    .filter(s => s.at >= 0)
    .sort((a, b) => a.at - b.at)
  const end = output.lastIndexOf('\nfailures:\n')
  starts.forEach((s, i) => {
    const from = s.at + `\n---- ${s.name} stdout ----\n`.length
    const to = i + 1 < starts.length ? starts[i + 1]!.at : end > from ? end : output.length
    const section = output.slice(from, to)
    const result = results.find(r => r.name === s.name)!
    result.message = panicMessage(section) ?? (section.trim() || null)
  })
  return { passed, failed, results }
}

/** The failed tests whose message contains `text`. */
export function failedWith(results: readonly TestOutcome[], text: string): TestOutcome[] {
  return results.filter(r => r.outcome === 'FAILED' && r.message !== null && r.message.includes(text))
}
