import type { SnippetResult } from '../../../core/snippet-data.ts'
import type { Capture, Expected } from '../compare.ts'
import type { Snippet } from '../snippets.ts'
import type { CachedCapture } from './cache.ts'
/**
 * The judge phase: a snippet's capture, fresh or cached, held against its
 * promise and its expected files, as the result the slides read. Pure, so a
 * cached capture is judged afresh against today's promise on every check.
 */
import { isAllowed, judge, notes } from '../compare.ts'
import { expectedNames } from './expected.ts'

/**
 * `crateEdition` is the edition the snippet's crate builds its programs
 * with: a program takes it, since one `[[bin]]` cannot have another (cargo
 * deprecates a target's `edition`).
 */
export function judgeSnippet(s: Snippet, { capture, durationMs }: CachedCapture, expected: Expected, key: string, root: string, crateEdition: string = s.edition): SnippetResult {
  const subject = {
    file: s.file,
    expectLine: s.expectLine,
    expectation: s.expectation,
    place: s.place,
    allow: s.allow,
    edition: s.edition,
    expectedFiles: expectedNames(s, root),
  }
  const failures = judge(subject, capture, expected)
  if (capture.traceError)
    failures.unshift(`${s.file}:1: its run wrote a recording the check cannot read: ${capture.traceError}`)
  if (s.place === 'bin' && s.edition !== crateEdition) {
    const line = s.editionLine || 1
    failures.unshift(`${s.file}:${line}: ${s.editionLine ? `\`edition: ${s.edition}\`` : `edition ${s.edition} (the default)`}, but snippets/${s.topic}/Cargo.toml builds its programs with edition ${crateEdition}; a program takes its crate's edition, so make the two agree, or put a snippet that must not compile in fail/, where it is compiled alone`)
  }
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
    // What rustc would print with `-A <lint>` for each lint the header allows.
    diagnostics: capture.diagnostics.filter(d => !isAllowed(d, s.allow)),
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
