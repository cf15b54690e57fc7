import type { SnippetResult } from '../../../core/snippet-data.ts'
import type { Capture, Expected } from '../compare.ts'
import type { Snippet } from '../snippets.ts'
import type { CachedCapture } from './cache.ts'
/**
 * The judge phase: a snippet's capture, fresh or cached, held against its
 * promise and its expected files, as the result the slides read. Pure, so a
 * cached capture is judged afresh against today's promise on every check.
 */
import { judge, notes } from '../compare.ts'
import { expectedNames } from './expected.ts'

export function judgeSnippet(s: Snippet, { capture, durationMs }: CachedCapture, expected: Expected, key: string, root: string): SnippetResult {
  const subject = {
    file: s.file,
    expectLine: s.expectLine,
    expectation: s.expectation,
    place: s.place,
    expectedFiles: expectedNames(s, root),
  }
  const failures = judge(subject, capture, expected)
  return {
    id: s.id,
    topic: s.topic,
    file: s.file,
    source: s.source,
    expectation: s.expectation,
    command: commandFor(s, capture.binName),
    support: s.support,
    status: failures.length ? 'failed' : 'passed',
    failures,
    notes: failures.length ? [] : notes(subject, capture),
    key,
    durationMs: Math.round(durationMs),
    run: capture.run,
    diagnostics: capture.diagnostics,
    tests: capture.tests,
    trace: capture.trace,
  }
}

/** The command a learner would type in `snippets/` to see what the slide shows. */
export function commandFor(s: Pick<Snippet, 'place' | 'file' | 'name' | 'expectation'>, binName: Capture['binName']): string {
  if (s.place === 'fail')
    return `rustc ${s.file.replace(/^snippets\//, '')}`
  const bin = binName ?? s.name
  return s.expectation.kind === 'tests' || s.expectation.kind === 'test-fails' ? `cargo test --bin ${bin}` : `cargo run -q --bin ${bin}`
}
