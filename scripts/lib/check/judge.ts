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

/** The edition cargo builds a program with, and whether its own `[[bin]]` entry sets it. */
export interface ProgramEdition { edition: string, own: boolean }

/**
 * `programEdition` is the edition cargo builds the program with: its
 * `[[bin]]` entry's own `edition` when the kit manages one for it, else its
 * crate's.
 */
export function judgeSnippet(s: Snippet, { capture, durationMs }: CachedCapture, expected: Expected, key: string, root: string, programEdition: ProgramEdition = { edition: s.edition, own: false }): SnippetResult {
  const subject = {
    file: s.file,
    expectLine: s.expectLine,
    expectation: s.expectation,
    place: s.place,
    allow: s.allow,
    edition: s.edition,
    rustfmt: s.rustfmt,
    expectedFiles: expectedNames(s, root),
  }
  const failures = judge(subject, capture, expected)
  if (capture.traceError)
    failures.unshift(`${s.file}:1: its run wrote a recording the check cannot read: ${capture.traceError}`)
  if (s.place === 'bin' && s.expectation.kind !== 'ignore' && s.edition !== programEdition.edition) {
    const line = s.editionLine || 1
    const said = s.editionLine ? `\`edition: ${s.edition}\`` : `edition ${s.edition} (the default)`
    failures.unshift(programEdition.own
      ? `${s.file}:${line}: ${said}, but its \`[[bin]]\` entry in snippets/${s.topic}/Cargo.toml builds it with edition ${programEdition.edition}; make the two agree`
      : `${s.file}:${line}: ${said}, but snippets/${s.topic}/Cargo.toml builds its programs with edition ${programEdition.edition}; give this program a \`[[bin]]\` entry with \`edition = "${s.edition}"\` (\`npm run import\` writes one), make the two agree, or put a snippet that must not compile in fail/, where it is compiled alone`)
  }
  const unjudged = s.expectation.kind === 'ignore'
  return {
    id: s.id,
    topic: s.topic,
    file: s.file,
    source: s.source,
    expectation: s.expectation,
    command: commandFor(s, capture.binName),
    support: s.support,
    status: unjudged ? 'unjudged' : failures.length ? 'failed' : 'passed',
    failures: unjudged ? [] : failures,
    notes: failures.length && !unjudged ? [] : notes(subject, capture),
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
  if (s.expectation.kind === 'builds')
    return `cargo build --bin ${bin}`
  return s.expectation.kind === 'tests' || s.expectation.kind === 'test-fails' ? `cargo test --bin ${bin}` : `cargo run -q --bin ${bin}`
}
