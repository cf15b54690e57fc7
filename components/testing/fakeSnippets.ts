/**
 * A stand-in for `virtual:snippets` in component tests, built from the
 * checked-in expected recordings, so the tests need no check run.
 * Use with `vi.mock('virtual:snippets', () => import('./testing/fakeSnippets.ts'))`.
 */
import type { GeneratedData, RawTraceEvent, SnippetResult } from '../../core/snippet-data.ts'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fakeResult } from '../../core/testing/fakeResult.ts'

// Vitest runs from the kit's root.
const root = process.cwd()

/** A snippet's checked-in recording as its result. */
export function recorded(id: string, expectation: SnippetResult['expectation'] = { kind: 'runs', varies: false }): SnippetResult {
  const [topic, name] = id.split('/') as [string, string]
  const text = readFileSync(join(root, 'snippets', topic, 'expected', `${name}.trace`), 'utf8')
  return fakeResult(id, {
    source: readFileSync(join(root, 'snippets', topic, 'src', 'bin', `${name}.rs`), 'utf8'),
    expectation,
    trace: text.split('\n').filter(Boolean).map(l => JSON.parse(l) as RawTraceEvent),
  })
}

const snippets: Record<string, SnippetResult> = {}

/** Adds a snippet result (e.g. a compile error with its diagnostics) for a test. */
export function addSnippet(result: SnippetResult): void {
  snippets[result.id] = result
}

for (const id of ['rc/clone-counts', 'mutex/contention', 'box/fat-pointers', 'refcell/try-borrow'])
  addSnippet(recorded(id))
addSnippet(recorded('refcell/double-borrow', { kind: 'panics', message: 'already borrowed' }))

const data: GeneratedData = { rustc: 'rustc 1.95.0 (test)', snippets }
export default data
