/**
 * One line saying what the check proved about a snippet, for slides that
 * back a claim with it: "rejected by rustc: E0277", "panics: …".
 */
import type { SnippetResult } from './snippet-data.ts'

export function proofLabel(result: Pick<SnippetResult, 'expectation' | 'status'> & { tests?: SnippetResult['tests'] }): string {
  if (result.status === 'unjudged')
    return 'not checked: shown as its source has it, never compiled or run'
  if (result.status !== 'passed')
    return 'broken: the last check did not keep this promise'
  const e = result.expectation
  switch (e.kind) {
    case 'compile-error': {
      const what = [...e.codes, ...(e.message !== undefined ? [`"${e.message}"`] : [])]
      return `rejected by rustc${e.test ? ' when compiled for tests' : ''}${what.length ? `: ${what.join(', ')}` : ''}`
    }
    case 'panics': return e.message !== undefined ? `compiles, then panics: "${e.message}"` : 'compiles, then panics'
    case 'builds': return 'compiles; not run'
    case 'ignore': return 'not checked: shown as its source has it, never compiled or run'
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
