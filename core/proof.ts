/**
 * One line saying what the check proved about a snippet, for slides that
 * back a claim with it: "rejected by rustc: E0277", "panics: …".
 */
import type { SnippetResult } from './snippet-data.ts'

export function proofLabel(result: Pick<SnippetResult, 'expectation' | 'status'> & { tests?: SnippetResult['tests'] }): string {
  if (result.status !== 'passed')
    return 'broken: the last check did not keep this promise'
  const e = result.expectation
  switch (e.kind) {
    case 'compile-error': return `rejected by rustc${e.test ? ' when compiled for tests' : ''}: ${[...e.codes, ...(e.message !== undefined ? [`"${e.message}"`] : [])].join(', ')}`
    case 'panics': return `compiles, then panics: "${e.message}"`
    case 'tests': return 'its tests pass'
    case 'test-fails': return `${failingTests(result.tests ?? null)}: "${e.message}"`
    case 'runs': return e.varies ? 'runs (output measured)' : 'runs; output compared'
  }
}

/** How many of the tests that ran failed, from the runner's report: `all 3 tests fail`, `2 of 3 tests fail`, and the ignored ones. */
function failingTests(tests: SnippetResult['tests']): string {
  if (!tests)
    return 'its tests fail'
  const ignored = tests.results?.filter(t => t.outcome === 'ignored').length ?? 0
  const ran = tests.passed + tests.failed
  const count = tests.failed === ran
    ? (ran === 1 ? 'its one test fails' : `all ${ran} tests fail`)
    : `${tests.failed} of ${ran} tests fail`
  return ignored ? `${count} (${ignored} more ${ignored === 1 ? 'is' : 'are'} ignored)` : count
}
