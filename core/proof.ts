/**
 * One line saying what the check proved about a snippet, for slides that
 * back a claim with it: "rejected by rustc: E0277", "panics: …".
 */
import type { SnippetResult } from './snippet-data.ts'

export function proofLabel(result: Pick<SnippetResult, 'expectation' | 'status'>): string {
  if (result.status !== 'passed')
    return 'broken: the last check did not keep this promise'
  const e = result.expectation
  switch (e.kind) {
    case 'compile-error': return `rejected by rustc${e.test ? ' when compiled for tests' : ''}: ${[...e.codes, ...(e.message !== undefined ? [`"${e.message}"`] : [])].join(', ')}`
    case 'panics': return `compiles, then panics: "${e.message}"`
    case 'tests': return 'its tests pass'
    case 'test-fails': return `its tests run; one fails: "${e.message}"`
    case 'runs': return e.varies ? 'runs (output measured)' : 'runs; output compared'
  }
}
