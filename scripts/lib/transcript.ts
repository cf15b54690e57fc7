/**
 * Reads a recorded `cargo run`, `cargo build` or `cargo test` session, as the
 * Rust Book keeps one beside each listing (`output.txt`, first line the
 * command), and says what it shows the code doing: the promise a snippet
 * makes when it is imported. Pure: no files, no processes.
 *
 * ```text
 * $ cargo run
 *    Compiling cons-list v0.1.0 (file:///projects/cons-list)
 *     Finished `dev` profile [unoptimized + debuginfo] target(s) in 0.45s
 *      Running `target/debug/cons-list`
 * count after creating a = 1
 * ```
 */
import type { Expectation } from '../../core/snippet-data.ts'
import { LessonError } from '../../core/errors.ts'
import { isPanicLine, panics } from '../../core/panic.ts'
import { describeExpectation } from '../../core/snippet-source.ts'

export interface TranscriptReading {
  /** `cargo run`, `cargo test`, … as recorded on the first line. */
  command: string
  expectation: Expectation
  /** What the program printed before it ended (for `runs` and `panics`), else null. */
  stdout: string | null
  /** Lints the transcript shows as warnings: the material expects them. */
  warnedLints: string[]
  /** One sentence per thing the reader should know about how the promise was read. */
  reasons: string[]
}

const COMMAND = /^\$ (cargo (run|build|test|check)\b.*)$/
/** `error[E0596]: cannot borrow …` or `error: lifetime may not live long enough`. */
const ERROR_LINE = /^error(?:\[(E\d{4})\])?: (.*)$/
/** cargo's own closing lines, which are not rustc's diagnostics. */
const CARGO_ERROR = /^(?:could not compile|Could not compile|build failed|test failed|aborting due to|process didn't exit successfully|\d+ previous errors?)/
/** `#[warn(unused_variables)]` (old) or `` `#[warn(dead_code)]` on by default `` (new). */
const WARN_LINT = /#\[warn\(([a-z_:]+)\)\]/g

export function readTranscript(text: string, where: string): TranscriptReading {
  const lines = text.replace(/\r\n/g, '\n').split('\n')
  const first = COMMAND.exec(lines[0] ?? '')
  if (!first)
    throw new LessonError(`${where}:1: the first line should be the command that made the output, e.g. \`$ cargo run\`; found ${JSON.stringify(lines[0] ?? '')}`)
  const command = first[1]!
  const verb = first[2]!
  const warnedLints = [...new Set([...text.matchAll(WARN_LINT)].map(m => m[1]!))].sort()
  const reasons: string[] = []

  // rustc's errors, as cargo printed them; cargo's own summary lines are not among them.
  const errors = lines
    .map(l => ERROR_LINE.exec(l))
    .filter((m): m is RegExpExecArray => m !== null && !CARGO_ERROR.test(m[2]!))
    .map(m => ({ code: m[1] ?? null, message: m[2]! }))
  if (errors.length) {
    const codes = [...new Set(errors.flatMap(e => (e.code ? [e.code] : [])))].sort()
    const uncoded = errors.find(e => e.code === null)
    const test = verb === 'test'
    const expectation: Expectation = {
      kind: 'compile-error',
      codes,
      ...(uncoded ? { message: uncoded.message } : {}),
      ...(test ? { test: true as const } : {}),
    }
    if (test)
      reasons.push('the errors appear under `cargo test`, so it is promised to compile as a program and fail only when compiled for tests; the check tries both')
    if (uncoded)
      reasons.push(`rustc gave "${uncoded.message}" no code, so the promise quotes its message`)
    return { command, expectation, stdout: null, warnedLints, reasons }
  }

  if (verb === 'test') {
    const failed = /^test result: FAILED\./m.test(text)
    if (!failed) {
      if (!/^test result: ok\./m.test(text))
        throw new LessonError(`${where}: a \`cargo test\` transcript without a \`test result:\` line; was the run cut short?`)
      return { command, expectation: { kind: 'tests' }, stdout: null, warnedLints, reasons }
    }
    const message = firstPanicLine(text)
    if (message === null)
      throw new LessonError(`${where}: tests failed, but no panic message was recorded to promise; write the snippet's \`test-fails "…"\` by hand`)
    reasons.push(`a test failed with "${message}"; the check runs its tests and wants one to fail with that text`)
    return { command, expectation: { kind: 'test-fails', message }, stdout: null, warnedLints, reasons }
  }

  const running = lines.findIndex(l => /^\s+Running `/.test(l))
  if (verb === 'build' || verb === 'check' || running < 0) {
    reasons.push(`\`${command}\` shows only that it compiles, so it is imported as \`runs (output varies)\`: it must build lint-clean and exit 0, its output is not compared`)
    return { command, expectation: { kind: 'runs', varies: true }, stdout: null, warnedLints, reasons }
  }
  // After `Running`, the program's own output, until the panic handler or
  // cargo's "process didn't exit successfully" (both on stderr).
  const after = lines.slice(running + 1)
  const end = after.findIndex(l => isPanicLine(l) || l.startsWith('error: process didn\'t exit successfully'))
  const printed = (end < 0 ? after : after.slice(0, end)).join('\n').replace(/\n*$/, '')
  const stdout = printed ? `${printed}\n` : ''
  const message = firstPanicLine(text)
  if (message !== null) {
    reasons.push(`it panicked with "${message}"; what it printed before is its expected stdout`)
    return { command, expectation: { kind: 'panics', message }, stdout, warnedLints, reasons }
  }
  if (end >= 0)
    throw new LessonError(`${where}: the program exited with an error but no panic message was recorded; write the snippet's promise by hand`)
  return { command, expectation: { kind: 'runs', varies: false }, stdout, warnedLints, reasons }
}

/**
 * The first panic's message, as a promise quotes it: its first line (new
 * panic format, or old with the message quoted on the location line).
 */
function firstPanicLine(text: string): string | null {
  for (const p of panics(text.replace(/\r\n/g, '\n'))) {
    const line = p.message.split('\n')[0]!
    if (line)
      return line
  }
  return null
}

/** The promise as a header line. */
export function expectLine(e: Expectation): string {
  return `//! expect: ${describeExpectation(e)}`
}
