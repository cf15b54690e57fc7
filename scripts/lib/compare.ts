/**
 * Judges a snippet's captured run against its promise and its checked-in
 * expected files. Pure: the same inputs give the same verdict, so a cached
 * capture is judged afresh against today's expectations on every check.
 */
import type { Diagnostic, Expectation, RawTraceEvent, RunCapture, TestCapture, TestOutcome } from '../../core/snippet-data.ts'
import { stripVTControlCharacters } from 'node:util'
import { panicMessage } from '../../core/panic.ts'
import { DEFAULT_EDITION, describeExpectation } from '../../core/snippet-source.ts'
import { failedWith } from './libtest.ts'

export interface Capture {
  /** Diagnostics from compiling the snippet (errors, lints, and for `fail/` the expected errors). */
  diagnostics: Diagnostic[]
  /** `file:line` of each diagnostic, parallel to `diagnostics`. */
  locations: string[]
  /** Whether the snippet compiled. */
  compiled: boolean
  run: RunCapture | null
  tests: TestCapture | null
  trace: RawTraceEvent[] | null
  /** Why the run's recording could not be read (a line that is not JSON), when it could not. */
  traceError?: string
  /** First line rustfmt would change (or could not parse), or null when formatted. */
  unformattedLine: number | null
  /** Why rustfmt could not parse it, when it could not. */
  rustfmtError?: string
  /** The binary cargo built (its `[[bin]]` name), for programs. */
  binName?: string
  /** For `compile-error (test)`: compiling it as a program, which must succeed. */
  program?: { compiled: boolean, diagnostics: Diagnostic[], locations: string[] }
}

export interface Expected {
  stdout: string | null
  stderr: string | null
  trace: string | null
}

export interface Subject {
  file: string
  expectLine: number
  expectation: Expectation
  place: 'bin' | 'fail'
  /** Lints its header allows; every other warning fails it. */
  allow: readonly string[]
  /** The edition it is compiled and formatted in. */
  edition: string
  /** rustfmt options of its material's own style (`//! rustfmt:`). */
  rustfmt: readonly string[]
  /** Paths shown in messages for the expected files. */
  expectedFiles: { stdout: string, stderr: string, trace: string }
}

/** The recording as compared and stored: one JSON line per event, measurements blanked. */
export function traceLines(trace: readonly RawTraceEvent[]): string {
  return trace.map(e => JSON.stringify(e.ev === 'measure' ? { ...e, value: '*' } : e)).join('\n') + (trace.length ? '\n' : '')
}

/** One rule of the judge: the failures it finds, each a line naming a file. */
export type Rule = (subject: Subject, capture: Capture, expected: Expected) => string[]

/** Nothing more to judge: it compiled lint-clean and formatted. */
const nothingMore: Rule = () => []

/** The rule of each promise a program in src/bin/ can make. */
const BY_KIND: Record<Exclude<Expectation['kind'], 'ignore'>, Rule> = {
  'tests': hasTests,
  'test-fails': failsAsPromised,
  'runs': runsToTheEnd,
  'panics': panicsAsPromised,
  'compile-error': nothingMore,
  'builds': nothingMore,
}

/**
 * The snippet's failures, rule by rule: one for a broken example in fail/,
 * else lints, formatting, tests, the rule of its promise, and its recording.
 */
export function judge(subject: Subject, capture: Capture, expected: Expected): string[] {
  // Shown as its source has it: never compiled, run or judged.
  if (subject.expectation.kind === 'ignore')
    return []
  if (subject.place === 'fail')
    return judgeBroken(subject, capture)
  const denied = deniedDiagnostics(subject, capture)
  if (denied.length)
    return denied
  return [
    ...formatting(subject, capture),
    ...unexpectedTestFailures(subject, capture),
    ...BY_KIND[subject.expectation.kind](subject, capture, expected),
    ...recording(subject, capture, expected),
  ]
}

/** Where a snippet's promise is written: `file:line` of its `expect:` header. */
function promiseAt(subject: Subject): string {
  return `${subject.file}:${subject.expectLine}`
}

/** The errors among `list`, each with the `file:line` it was reported at. */
function locatedErrors(subject: Subject, list: readonly Diagnostic[], where: readonly string[]): { d: Diagnostic, where: string }[] {
  return list.map((d, i) => ({ d, where: where[i] ?? subject.file })).filter(({ d }) => d.level === 'error')
}

function errorDetail(errors: readonly { d: Diagnostic, where: string }[]): string {
  return errors.map(x => `  ${x.where}: ${x.d.code ?? 'error'}: ${x.d.message}`).join('\n')
}

/**
 * A snippet in fail/: it must not compile, with the codes (and message) its
 * promise names; a `(test)` promise must compile as a program first.
 */
export function judgeBroken(subject: Subject, capture: Capture): string[] {
  const e = subject.expectation
  if (e.kind !== 'compile-error')
    return [`${promiseAt(subject)}: snippets in fail/ must expect compile-error or ignore`]
  for (const rule of [brokenAsProgram, compiledAnyway]) {
    const failures = rule(subject, capture)
    if (failures.length)
      return failures
  }
  // Neither codes nor a message: any compile error keeps it; the codes are notes.
  if (e.codes.length === 0 && e.message === undefined)
    return formatting(subject, capture)
  const promised = [...errorCodesAsPromised(subject, capture), ...errorMessageAsPromised(subject, capture)]
  return [
    ...promised,
    ...(promised.length ? [] : uncodedErrors(subject, capture)),
    ...formatting(subject, capture),
  ]
}

/** `compile-error (test)`: it must compile as a program, failing only when compiled for tests. */
export function brokenAsProgram(subject: Subject, capture: Capture): string[] {
  const e = subject.expectation
  if (e.kind !== 'compile-error' || !e.test || !capture.program || capture.program.compiled)
    return []
  const detail = errorDetail(locatedErrors(subject, capture.program.diagnostics, capture.program.locations))
  return [`${promiseAt(subject)}: expected ${describeExpectation(e)}, but it does not compile as a program either\n${detail}`]
}

/** A broken example that compiles. */
export function compiledAnyway(subject: Subject, capture: Capture): string[] {
  const e = subject.expectation
  if (e.kind !== 'compile-error' || !capture.compiled)
    return []
  return [`${promiseAt(subject)}: expected ${describeExpectation(e)}, but it compiled${e.test ? ' for tests too' : ''}; a broken example that compiles teaches the wrong lesson`]
}

/** rustc's error codes, all and only those promised. */
export function errorCodesAsPromised(subject: Subject, capture: Capture): string[] {
  const e = subject.expectation
  if (e.kind !== 'compile-error')
    return []
  const errors = locatedErrors(subject, capture.diagnostics, capture.locations)
  const got = [...new Set(errors.map(x => x.d.code).filter((c): c is string => c !== null))].sort()
  const want = e.codes
  if (got.join(' ') === want.join(' '))
    return []
  return [`${promiseAt(subject)}: expected ${want.length ? `error code${want.length > 1 ? 's' : ''} ${want.join(' ')}` : 'errors without codes'}, rustc gave ${got.join(' ') || 'errors without codes'}\n${errorDetail(errors)}`]
}

/** A promised message: some error contains it. */
export function errorMessageAsPromised(subject: Subject, capture: Capture): string[] {
  const e = subject.expectation
  if (e.kind !== 'compile-error' || e.message === undefined)
    return []
  const errors = locatedErrors(subject, capture.diagnostics, capture.locations)
  if (errors.some(x => x.d.message.includes(e.message!)))
    return []
  return [`${promiseAt(subject)}: expected an error whose message contains "${e.message}", rustc gave\n${errorDetail(errors)}`]
}

/** An error without a code is promised only by a message it contains. */
export function uncodedErrors(subject: Subject, capture: Capture): string[] {
  const e = subject.expectation
  if (e.kind !== 'compile-error')
    return []
  const stray = locatedErrors(subject, capture.diagnostics, capture.locations)
    .filter(x => x.d.code === null && (e.message === undefined || !x.d.message.includes(e.message)))
  if (!stray.length)
    return []
  return [`${promiseAt(subject)}: expected ${describeExpectation(e)}, but rustc also gave ${stray.length > 1 ? 'errors' : 'an error'} without a code, which only a quoted message can promise\n${stray.map(x => `  ${x.where}: error: ${x.d.message}`).join('\n')}`]
}

/** Lints are warnings in the build; every one the header does not allow fails the snippet, as does not compiling. */
export function deniedDiagnostics(subject: Subject, capture: Capture): string[] {
  const denied = capture.diagnostics
    .map((d, i) => ({ d, where: capture.locations[i] ?? subject.file }))
    .filter(({ d }) => d.level === 'error' || (d.level === 'warning' && !isAllowed(d, subject.allow)))
  if (capture.compiled && !denied.length)
    return []
  if (!denied.length)
    return [`${promiseAt(subject)}: did not compile`]
  return denied.map(x => `${x.where}: ${stripVTControlCharacters(x.d.rendered).split('\n')[0]}${x.d.level === 'warning' && x.d.code ? ` (denied; \`//! allow: ${x.d.code}\` would allow it)` : ''}`)
}

/** Formatted as rustfmt would format it, in its edition and its material's style. */
export function formatting(subject: Subject, capture: Capture): string[] {
  if (capture.unformattedLine === null)
    return []
  const formatFix = subject.edition === DEFAULT_EDITION && subject.rustfmt.length === 0 ? 'run `cargo fmt` in snippets/ or ' : ''
  return [formatFailure(subject, capture, formatFix)]
}

/** Its tests pass, unless it promises that one fails. */
export function unexpectedTestFailures(subject: Subject, capture: Capture): string[] {
  if (!capture.tests || capture.tests.failed === 0 || subject.expectation.kind === 'test-fails')
    return []
  return [`${promiseAt(subject)}: ${capture.tests.failed} of its tests failed\n${indent(capture.tests.output)}`]
}

/** `tests`: it has some. */
export function hasTests(subject: Subject, capture: Capture): string[] {
  if (capture.tests && capture.tests.passed + capture.tests.failed > 0)
    return []
  return [`${promiseAt(subject)}: expected tests, but it has no #[test] functions`]
}

/** `test-fails "…"`: a test fails, with a message that contains the promised text. */
export function failsAsPromised(subject: Subject, capture: Capture): string[] {
  const e = subject.expectation
  if (e.kind !== 'test-fails')
    return []
  const promise = describeExpectation(e)
  const tests = capture.tests
  const results = tests?.results ?? []
  if (!tests || tests.passed + tests.failed === 0)
    return [`${promiseAt(subject)}: expected ${promise}, but it has no #[test] functions`]
  if (tests.failed === 0)
    return [`${promiseAt(subject)}: expected ${promise}, but all ${tests.passed} of its tests passed`]
  if (failedWith(results, e.message).length === 0)
    return [`${promiseAt(subject)}: expected ${promise}, but no failing test's message contains it:\n${indent(listTests(results.filter(r => r.outcome === 'FAILED')))}`]
  return []
}

/** `runs`: it exits 0 in time, printing the expected stdout unless its output varies; stderr is compared when one is checked in. */
export function runsToTheEnd(subject: Subject, capture: Capture, expected: Expected): string[] {
  const e = subject.expectation
  const run = capture.run
  if (e.kind !== 'runs' || !run)
    return []
  const failures: string[] = []
  if (run.timedOut)
    failures.push(`${promiseAt(subject)}: expected ${describeExpectation(e)}, but it was killed after the time limit`)
  else if (run.exitCode !== 0)
    failures.push(`${promiseAt(subject)}: expected ${describeExpectation(e)}, but it exited with ${run.exitCode}${panicNote(run.stderr)}`)
  else if (!e.varies)
    failures.push(...expectedStdout(subject, run, expected))
  if (expected.stderr !== null)
    failures.push(...compareText(subject.expectedFiles.stderr, expected.stderr, run.stderr, 'stderr'))
  return failures
}

/** `panics "…"`: it panics in time, with a message that contains the promised text; stdout is compared when one is checked in. */
export function panicsAsPromised(subject: Subject, capture: Capture, expected: Expected): string[] {
  const e = subject.expectation
  const run = capture.run
  if (e.kind !== 'panics' || !run)
    return []
  const failures: string[] = []
  const message = panicMessage(run.stderr)
  if (run.timedOut)
    failures.push(`${promiseAt(subject)}: expected ${describeExpectation(e)}, but it was killed after the time limit`)
  else if (message === null)
    failures.push(`${promiseAt(subject)}: expected ${describeExpectation(e)}, but it exited with ${run.exitCode} without panicking`)
  else if (e.message !== undefined && !message.includes(e.message))
    failures.push(`${promiseAt(subject)}: expected ${describeExpectation(e)}, but it panicked with "${message}"`)
  if (expected.stdout !== null)
    failures.push(...expectedStdout(subject, run, expected))
  return failures
}

/** What it printed, against its checked-in `.stdout`. */
export function expectedStdout(subject: Subject, run: RunCapture, expected: Expected): string[] {
  return compareText(subject.expectedFiles.stdout, expected.stdout, run.stdout, 'stdout')
}

/** What it recorded, against its checked-in `.trace`; a recording expected but not made fails too. */
export function recording(subject: Subject, capture: Capture, expected: Expected): string[] {
  if (capture.trace && capture.trace.length > 0)
    return compareText(subject.expectedFiles.trace, expected.trace, traceLines(capture.trace), 'recording')
  if (expected.trace !== null)
    return [`${subject.expectedFiles.trace}:1: a recording is expected, but the run recorded nothing`]
  return []
}

/**
 * What a kept promise is worth saying besides "ok": which tests failed as
 * promised and how the others fared.
 */
export function notes(subject: Subject, capture: Capture): string[] {
  const out: string[] = []
  if (subject.allow.length) {
    const raised = (lint: string) => capture.diagnostics.filter(d => d.level === 'warning' && d.code === lint).length
    out.push(`allowed by its header: ${subject.allow.map(l => `${l} (${raised(l) || 'not'} raised)`).join(', ')}; every other lint stays denied`)
  }
  if (subject.edition !== DEFAULT_EDITION)
    out.push(`edition ${subject.edition}`)
  if (subject.rustfmt.length)
    out.push(`formatted in its material's own style: rustfmt ${subject.rustfmt.join(' ')}`)
  const e = subject.expectation
  if (e.kind === 'ignore')
    out.push('unjudged: `expect: ignore` is shown as its source has it, never compiled or run')
  if (e.kind === 'compile-error' && e.codes.length === 0 && e.message === undefined) {
    const codes = [...new Set(capture.diagnostics.filter(d => d.level === 'error').map(d => d.code ?? 'an error without a code'))].sort()
    if (codes.length)
      out.push(`rustc gave ${codes.join(', ')} (any compile error keeps this promise; the codes are for information)`)
  }
  if (e.kind === 'panics' && e.message === undefined && capture.run) {
    const message = panicMessage(capture.run.stderr)
    if (message !== null)
      out.push(`it panicked with "${message}" (any panic keeps this promise)`)
  }
  if (e.kind === 'test-fails' && capture.tests?.results) {
    const results = capture.tests.results
    const promised = failedWith(results, e.message)
    const others = results.filter(r => !promised.includes(r))
    if (promised.length)
      out.push(`failed as promised: ${listTests(promised).replace(/\n/g, '; ')}`)
    if (others.length)
      out.push(`its other tests: ${listTests(others).replace(/\n/g, '; ')}`)
  }
  return out
}

function formatFailure(subject: Subject, capture: Capture, formatFix: string): string {
  if (capture.rustfmtError)
    return `${subject.file}:${capture.unformattedLine}: rustfmt (edition ${subject.edition}) cannot parse it: ${capture.rustfmtError}`
  const config = subject.rustfmt.length ? ` --config ${subject.rustfmt.join(',')}` : ''
  return `${subject.file}:${capture.unformattedLine}: not formatted as rustfmt would; ${formatFix}run \`rustfmt --edition ${subject.edition}${config} ${subject.file}\``
}

/** A warning whose lint the snippet's header allows. */
export function isAllowed(d: Diagnostic, allow: readonly string[]): boolean {
  return d.level === 'warning' && d.code !== null && allow.includes(d.code)
}

function listTests(results: readonly TestOutcome[]): string {
  return results.map(r => `${r.name} ${r.outcome === 'FAILED' ? 'failed' : r.outcome === 'ok' ? 'passed' : 'ignored'}${r.message ? `: ${JSON.stringify(r.message.split('\n')[0])}` : ''}`).join('\n')
}

function panicNote(stderr: string): string {
  const message = panicMessage(stderr)
  return message ? `: panicked with "${message}"` : ''
}

/** Names the first differing line, which is what a person needs to find the drift. */
export function compareText(file: string, expected: string | null, actual: string, what: string): string[] {
  if (expected === null)
    return [`${file}:1: no expected ${what} is checked in; run \`npm run check -- --update\` and review the new file`]
  if (expected === actual)
    return []
  const want = expected.split('\n')
  const got = actual.split('\n')
  let i = 0
  while (i < want.length && want[i] === got[i])
    i++
  const show = (s: string | undefined) => (s === undefined ? 'end of output' : JSON.stringify(s))
  return [`${file}:${i + 1}: ${what} differs: expected ${show(want[i])}, got ${show(got[i])}; run \`npm run check -- --update\` if the change is intended`]
}

function indent(text: string): string {
  return text.trim().split('\n').map(l => `    ${l}`).join('\n')
}
