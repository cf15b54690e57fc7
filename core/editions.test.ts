import type { SnippetResult } from './snippet-data.ts'
import { describe, expect, it } from 'vitest'
import { editionContrast } from './editions.ts'

const base: SnippetResult = {
  id: 'mutex/guard-temporaries',
  topic: 'mutex',
  file: 'snippets/mutex/src/bin/guard-temporaries.rs',
  source: '',
  expectation: { kind: 'runs', varies: false },
  command: 'cargo run -q --bin guard-temporaries',
  support: null,
  status: 'passed',
  failures: [],
  key: 'k',
  durationMs: 1,
  run: { stdout: 'a\nelse: held = false\nz\n', stderr: '', exitCode: 0, timedOut: false },
  diagnostics: [],
  tests: null,
  trace: null,
  edition: '2024',
}

describe('editionContrast', () => {
  it('shows the other edition\'s output lines that differ', () => {
    const v = editionContrast({ ...base, other: { edition: '2021', expectation: { kind: 'runs', varies: false }, declared: true, compiled: true, run: { stdout: 'a\nelse: held = true\nz\n', stderr: '', exitCode: 0, timedOut: false }, diagnostics: [], tests: null } })
    expect(v).toEqual({ shown: '2024', other: '2021', shownOutcome: 'runs', otherOutcome: 'runs', lines: ['else: held = true'], evidence: 'output' })
  })

  it('shows the other edition\'s first error', () => {
    const error = { level: 'error', code: 'E0700', message: 'hidden type captures lifetime', rendered: '', spans: [] }
    const v = editionContrast({ ...base, other: { edition: '2021', expectation: { kind: 'compile-error', codes: ['E0700'] }, declared: true, compiled: false, run: null, diagnostics: [error], tests: null } })
    expect(v?.otherOutcome).toBe('compile-error E0700')
    expect(v?.lines).toEqual(['error[E0700]: hidden type captures lifetime'])
  })

  it('is null for a snippet the check did not judge under the other edition', () => {
    expect(editionContrast(base)).toBeNull()
  })
})
