import type { SnippetResult } from '../snippet-data.ts'

/**
 * A snippet's result for tests, as the check would write it for a program
 * that ran and passed: `fields` (a recording, a source, an expectation)
 * laid over it.
 */
export function fakeResult(id: string, fields: Partial<SnippetResult> = {}): SnippetResult {
  const [topic, name] = id.split('/') as [string, string]
  return {
    id,
    topic,
    file: `snippets/${topic}/src/bin/${name}.rs`,
    command: `cargo run -q --bin ${name}`,
    source: '',
    expectation: { kind: 'runs', varies: false },
    support: null,
    status: 'passed',
    failures: [],
    key: 'test',
    durationMs: 0,
    run: { stdout: '', stderr: '', exitCode: 0, timedOut: false },
    diagnostics: [],
    tests: null,
    trace: null,
    ...fields,
  }
}
