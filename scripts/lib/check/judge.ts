import type { Expectation, SnippetResult } from '../../../core/snippet-data.ts'
import type { Capture, Expected } from '../compare.ts'
import type { Snippet } from '../snippets.ts'
import type { CachedCapture } from './cache.ts'
import { panicMessage } from '../../../core/panic.ts'
/**
 * The judge phase: a snippet's capture, fresh or cached, held against its
 * promise and its expected files, as the result the slides read. Pure, so a
 * cached capture is judged afresh against today's promise on every check.
 */
import { describeExpectation } from '../../../core/snippet-source.ts'
import { isAllowed, judge, notes } from '../compare.ts'
import { expectedNames } from './expected.ts'
import { otherExpectedBase, otherPromise } from './other-edition.ts'

/** The edition cargo builds a program with, and whether its own `[[bin]]` entry sets it. */
export interface ProgramEdition { edition: string, own: boolean }

/**
 * `programEdition` is the edition cargo builds the program with: its
 * `[[bin]]` entry's own `edition` when the kit manages one for it, else its
 * crate's.
 */
export function judgeSnippet(s: Snippet, { capture, other, durationMs }: CachedCapture, expected: Expected, key: string, root: string, programEdition: ProgramEdition = { edition: s.edition, own: false }, otherExpected: Expected = { stdout: null, stderr: null, trace: null }): SnippetResult {
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
  // The other edition is judged once the snippet keeps its promise in its own.
  if (other && failures.length === 0)
    failures.push(...judgeOtherEdition(s, other, expected, otherExpected, root))
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
    edition: s.edition,
    ...(other
      ? {
          other: {
            edition: s.otherEdition,
            expectation: otherPromise(s),
            declared: s.otherExpectation !== null,
            compiled: other.compiled,
            run: other.run,
            diagnostics: other.diagnostics,
            tests: other.tests,
          },
        }
      : {}),
  }
}

/**
 * The snippet under its other edition, held against `expect-<edition>:`
 * when declared, else against its own promise (and its own expected
 * stdout): an undeclared difference fails, naming the edition and the
 * line that would declare what rustc did.
 */
export function judgeOtherEdition(s: Snippet, other: Capture, expected: Expected, otherExpected: Expected, root: string): string[] {
  const promise = otherPromise(s)
  const declared = s.otherExpectation !== null
  const at = `${s.file}:${declared ? s.otherLine : s.expectLine}`
  const failures = judge({
    file: s.file,
    expectLine: declared ? s.otherLine : s.expectLine,
    expectation: promise,
    place: promise.kind === 'compile-error' ? 'fail' : 'bin',
    allow: s.allow,
    edition: s.otherEdition,
    rustfmt: s.rustfmt,
    expectedFiles: declared ? expectedNames({ expectedBase: otherExpectedBase(s) }, root) : expectedNames(s, root),
  }, { ...other, unformattedLine: null }, { stdout: declared ? otherExpected.stdout : expected.stdout, stderr: null, trace: null })
  if (failures.length === 0)
    return []
  const edition = `edition ${s.otherEdition}`
  const detail = failures.map(f => f.replace(/^(\S+?:\d+): /, `$1: under ${edition}: `))
  if (declared)
    return detail
  const outcome = outcomeOf(other, s.expectation)
  return [`${at}: ${s.id} under ${edition} does not keep its promise \`${describeExpectation(s.expectation)}\`: ${outcome ? `it gives \`${outcome}\`` : 'its output differs'}; if that is meant, declare it in the header: \`//! expect-${s.otherEdition}: ${outcome ?? describeExpectation(s.expectation)}\`${outcome ? '' : ` and run \`npm run check -- --update\` to write ${expectedNames({ expectedBase: otherExpectedBase(s) }, root).stdout}`}\n${detail.map(d => `  ${d}`).join('\n')}`]
}

/** What rustc and the program did, in the header's words; null when it kept the same kind of promise. */
function outcomeOf(c: Capture, own: Expectation): string | null {
  if (!c.compiled) {
    const codes = [...new Set(c.diagnostics.filter(d => d.level === 'error').map(d => d.code).filter((x): x is string => x !== null))].sort()
    const described = codes.length ? codes.join(' ') : `"${c.diagnostics.find(d => d.level === 'error')?.message ?? 'error'}"`
    return `compile-error ${own.kind === 'tests' || own.kind === 'test-fails' ? '(test) ' : ''}${described}`
  }
  if (c.run) {
    const message = panicMessage(c.run.stderr)
    if (message !== null)
      return own.kind === 'panics' ? null : `panics "${message}"`
    return own.kind === 'runs' ? null : 'runs'
  }
  if (c.tests)
    return c.tests.failed > 0 ? (own.kind === 'test-fails' ? null : 'test-fails "…"') : (own.kind === 'tests' ? null : 'tests')
  return own.kind === 'compile-error' ? 'runs' : null
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
