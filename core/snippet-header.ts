/**
 * The expectation header at the top of a snippet, part of the snippet-source
 * grammar (`./snippet-source.ts`, which callers import):
 *
 * ```rust
 * //! expect: compile-error E0499 E0502
 * //! support: the exercise's solution, published with the exercises
 * //! allow: unused_variables
 * //! edition: 2021
 * //! expect-2024: runs
 * //! source: ch15-03-drop.md, block 4, commit 1a2b3c4
 * //! rustfmt: max_width=85 use_small_heuristics=Max
 * //!
 * //! Free prose for the reader may follow.
 * ```
 *
 * Every snippet is also judged under the other edition: `expect-<edition>:`
 * declares its outcome there when it differs (same grammar as `expect:`);
 * without it, the other edition must keep the `expect:` promise.
 * ```
 *
 * Only the leading `//!` lines are the header. A line there that looks like
 * `word: value` must be a known key, so a misspelt key is an error rather
 * than a silently ignored promise.
 */
import type { Expectation } from './snippet-data.ts'
import { LessonError } from './errors.ts'

export interface SnippetHeader {
  expectation: Expectation
  /** 1-based line of the `expect:` line. */
  expectLine: number
  support: string | null
  /** Lints this snippet may trigger (`//! allow: unused_variables dead_code`); all others stay denied. */
  allow: string[]
  /** The edition rustc, clippy and rustfmt use for it (`//! edition: 2021`); 2024, the workspace's, unless set. */
  edition: Edition
  /** 1-based line of the `edition:` line, 0 when it is the default. */
  editionLine: number
  /** Where imported material came from (`//! source: ch15.md, block 4, commit 1a2b3c4`); null when written here. */
  provenance: string | null
  /** rustfmt options of the material's own style (`//! rustfmt: max_width=85`), as `key=value`. */
  rustfmt: string[]
  /** The other edition, under which the check also compiles and runs it. */
  otherEdition: Edition
  /** Its outcome under `otherEdition` when that differs (`//! expect-2021: compile-error E0700`); null: the same promise. */
  otherExpectation: Expectation | null
  /** 1-based line of the `expect-<edition>:` line, 0 when there is none. */
  otherLine: number
}

export type Edition = '2021' | '2024'
export const DEFAULT_EDITION: Edition = '2024'
export const EDITIONS: readonly Edition[] = ['2021', '2024']

/** The edition a snippet is also judged under. */
export function otherEditionOf(edition: Edition): Edition {
  return edition === '2024' ? '2021' : '2024'
}

const ERROR_CODE = /^E\d{4}$/
const LINT = /^(?:clippy::)?[a-z][a-z0-9_]*$/
const KINDS = 'runs, runs (output varies), builds, tests, test-fails "message", compile-error, compile-error E0XXX, compile-error "message", compile-error (test) E0XXX, panics, panics "message", ignore'
/** A rustfmt option as `rustfmt --config` takes it: `max_width=85`. */
const RUSTFMT_OPTION = /^[a-z][a-z0-9_]*=[\w.-]+$/

export function parseHeader(source: string, file: string): SnippetHeader {
  // Invisible in most editors, and it hides the header from every reader of `//!` lines.
  if (source.startsWith('\uFEFF'))
    throw new LessonError(`${file}:1: the file starts with a byte order mark (U+FEFF); save it as UTF-8 without one`)
  let expectation: Expectation | null = null
  let expectLine = 0
  let support: string | null = null
  let allow: string[] | null = null
  let edition: Edition | null = null
  let editionLine = 0
  let provenance: string | null = null
  let rustfmt: string[] | null = null
  let other: { edition: Edition, expectation: Expectation, line: number } | null = null

  for (const { key, value, line } of headerBlock(source).keys) {
    const where = `${file}:${line}`
    switch (key) {
      case 'expect':
        if (expectation)
          throw new LessonError(`${where}: a second \`expect:\` line; a snippet makes one promise`)
        expectation = parseExpectation(value.trim(), where)
        expectLine = line
        break
      case 'support':
        if (!value.trim())
          throw new LessonError(`${where}: \`support:\` needs a reason, e.g. \`//! support: shared types for the other snippets\``)
        support = value.trim()
        break
      case 'allow': {
        if (allow)
          throw new LessonError(`${where}: a second \`allow:\` line; list every lint on one line`)
        const lints = value.trim().split(/[\s,]+/).filter(Boolean)
        if (lints.length === 0)
          throw new LessonError(`${where}: \`allow:\` needs the lints this snippet may trigger, e.g. \`//! allow: unused_variables dead_code\``)
        const bad = lints.filter(l => !LINT.test(l))
        if (bad.length)
          throw new LessonError(`${where}: \`${bad.join(' ')}\` is not a lint name as rustc reports it (e.g. \`unused_variables\`, \`clippy::needless_range_loop\`)`)
        allow = [...new Set(lints)]
        break
      }
      case 'edition':
        if (edition)
          throw new LessonError(`${where}: a second \`edition:\` line`)
        if (value.trim() !== '2021' && value.trim() !== '2024')
          throw new LessonError(`${where}: \`edition:\` is \`2021\` or \`2024\`, not \`${value.trim()}\``)
        edition = value.trim() as Edition
        editionLine = line
        break
      case 'source':
        if (provenance !== null)
          throw new LessonError(`${where}: a second \`source:\` line`)
        if (!value.trim())
          throw new LessonError(`${where}: \`source:\` needs where the material came from, e.g. \`//! source: ch15-03.md, block 4\``)
        provenance = value.trim()
        break
      case 'rustfmt': {
        if (rustfmt)
          throw new LessonError(`${where}: a second \`rustfmt:\` line; list every option on one line`)
        const options = value.trim().split(/\s+/).filter(Boolean)
        if (options.length === 0)
          throw new LessonError(`${where}: \`rustfmt:\` needs the options of the material's style, e.g. \`//! rustfmt: max_width=85\``)
        const bad = options.filter(o => !RUSTFMT_OPTION.test(o))
        if (bad.length)
          throw new LessonError(`${where}: \`${bad.join(' ')}\` is not a rustfmt option as \`rustfmt --config\` takes it (\`key=value\`, e.g. \`max_width=85\`)`)
        rustfmt = options
        break
      }
      case 'expect-2021':
      case 'expect-2024':
        if (other)
          throw new LessonError(`${where}: a second \`expect-<edition>:\` line; a snippet declares one other edition's outcome`)
        other = { edition: key.slice('expect-'.length) as Edition, expectation: parseExpectation(value.trim(), where), line }
        break
      default:
        throw new LessonError(`${where}: unknown header key \`${key}:\`; known keys are \`expect:\`, \`expect-2021:\` (or \`expect-2024:\`), \`support:\`, \`allow:\`, \`edition:\`, \`source:\` and \`rustfmt:\``)
    }
  }
  const own = edition ?? DEFAULT_EDITION
  if (other && other.edition === own)
    throw new LessonError(`${file}:${other.line}: \`expect-${other.edition}:\` declares the outcome under edition ${other.edition}, but that is this snippet's own edition, promised by \`expect:\`; the other edition is ${otherEditionOf(own)}`)
  if (!expectation) {
    throw new LessonError(
      `${file}:1: no \`//! expect:\` line at the top; declare one of: ${KINDS}`,
    )
  }
  return {
    expectation,
    expectLine,
    support,
    allow: allow ?? [],
    edition: own,
    editionLine,
    provenance,
    rustfmt: rustfmt ?? [],
    otherEdition: otherEditionOf(own),
    otherExpectation: other?.expectation ?? null,
    otherLine: other?.line ?? 0,
  }
}

export function parseExpectation(text: string, where: string): Expectation {
  const [kind = ''] = text.split(/\s+/)
  const arg = text.slice(kind.length).trim()
  switch (kind) {
    case 'runs':
      if (arg === '')
        return { kind: 'runs', varies: false }
      if (arg === '(output varies)')
        return { kind: 'runs', varies: true }
      throw new LessonError(`${where}: \`runs\` takes nothing or \`(output varies)\`, not \`${arg}\``)
    case 'tests':
    case 'builds':
    case 'ignore':
      if (arg !== '')
        throw new LessonError(`${where}: \`${kind}\` takes no argument, not \`${arg}\``)
      return { kind }
    case 'compile-error':
      return parseCompileError(arg, where)
    case 'panics': {
      // Bare: any panic (rustdoc's `should_panic`).
      if (arg === '')
        return { kind }
      const quoted = /^"(.+)"$/.exec(arg)
      if (!quoted)
        throw new LessonError(`${where}: \`panics\` takes nothing (any panic) or the expected message in double quotes, e.g. \`panics "already borrowed"\`, not \`${arg}\``)
      return { kind, message: quoted[1]! }
    }
    case 'test-fails': {
      const quoted = /^"(.+)"$/.exec(arg)
      if (!quoted)
        throw new LessonError(`${where}: \`test-fails\` needs the expected message in double quotes, e.g. \`test-fails "already borrowed"\``)
      return { kind, message: quoted[1]! }
    }
    default:
      throw new LessonError(
        `${where}: unknown expectation \`${kind}\`; expected one of: ${KINDS}`,
      )
  }
}

/**
 * `compile-error [(test)] [E0XXX …] ["message"]`: exactly these codes, and
 * when a message is quoted, an error whose message contains it (rustc gives
 * some errors, such as "lifetime may not live long enough", no code).
 */
function parseCompileError(arg: string, where: string): Expectation {
  const example = 'e.g. `compile-error`, `compile-error E0499`, `compile-error "lifetime may not live long enough"` or `compile-error (test) E0596`'
  let rest = arg
  const test = rest.startsWith('(test)')
  if (test)
    rest = rest.slice('(test)'.length).trim()
  let message: string | undefined
  const quote = rest.indexOf('"')
  if (quote >= 0) {
    const quoted = /^"(.+)"$/.exec(rest.slice(quote).trim())
    if (!quoted)
      throw new LessonError(`${where}: \`compile-error\`'s message goes last, in double quotes: \`${rest.slice(quote).trim()}\``)
    message = quoted[1]!
    rest = rest.slice(0, quote).trim()
  }
  const codes = rest.split(/\s+/).filter(Boolean)
  const bad = codes.filter(code => !ERROR_CODE.test(code))
  if (bad.length)
    throw new LessonError(`${where}: \`${bad.join(' ')}\` is not a rustc error code (E followed by four digits)${bad.includes('(test)') ? '; `(test)` comes first' : ''}; ${example}`)
  // Neither codes nor a message: any compile error keeps it (rustdoc's `compile_fail`).
  return {
    kind: 'compile-error',
    codes: [...new Set(codes)].sort(),
    ...(message !== undefined ? { message } : {}),
    ...(test ? { test: true as const } : {}),
  }
}

/** How an expectation reads in reports: the same words as the header. */
export function describeExpectation(e: Expectation): string {
  switch (e.kind) {
    case 'runs': return e.varies ? 'runs (output varies)' : 'runs'
    case 'tests': return 'tests'
    case 'compile-error': return ['compile-error', e.test ? '(test)' : '', ...e.codes, e.message !== undefined ? `"${e.message}"` : ''].filter(Boolean).join(' ')
    case 'panics': return e.message !== undefined ? `panics "${e.message}"` : 'panics'
    case 'test-fails': return `test-fails "${e.message}"`
    case 'builds': return 'builds'
    case 'ignore': return 'ignore'
  }
}

// The header block: the leading `//!` lines.

/** One `key: value` line of the header. */
export interface HeaderKey {
  key: string
  /** The text after the colon, as written. */
  value: string
  /** 1-based line in the file. */
  line: number
}

export interface HeaderBlock {
  /** How many lines the header takes (its lines are the file's first). */
  lines: number
  /** Its `key: value` lines, in order. */
  keys: HeaderKey[]
  /** Its other lines, the prose, without `//!` and the space after it. */
  prose: string[]
}

/** A header line shaped `word: value` is a key, known or misspelt. */
const KEY_LINE = /^\/\/!\s*([a-z][a-z0-9-]*):(.*)$/

export function headerBlock(source: string): HeaderBlock {
  const block: HeaderBlock = { lines: 0, keys: [], prose: [] }
  for (const text of source.split('\n')) {
    const line = text.trimEnd()
    if (!line.startsWith('//!'))
      break
    block.lines++
    const key = KEY_LINE.exec(line)
    if (key)
      block.keys.push({ key: key[1]!, value: key[2]!, line: block.lines })
    else block.prose.push(text.replace(/^\/\/! ?/, ''))
  }
  return block
}
