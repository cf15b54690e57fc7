/**
 * What a slide's words may claim. A measured quantity (a number with ×, %,
 * ns, µs, ms, s, B, KiB, MiB, bytes, words, or a rate such as reads/ms) is
 * never typed into a slide's text or notes: it is rendered from a capture
 * (`<MeasuredRatio>`, `<Measured>`, `<RunOutput>`), or it is a constant
 * whose source is written beside it, `(source: …)`, on the same line.
 * Pure: the deck model calls it on each line outside code blocks.
 */

import type { GeneratedData } from './snippet-data.ts'

/** One typed measured quantity on a line. */
export interface TypedMeasure {
  /** 1-based line in the deck file. */
  line: number
  /** 1-based column of the number. */
  column: number
  /** The number and its unit as typed, e.g. `2×`, `16 bytes`. */
  text: string
}

/**
 * A number (digits, a decimal part, thousands split by spaces or thin
 * spaces) and a unit. Not part of a word or an identifier (`E0499`,
 * `u16`, `gap-4`), a version (`1.95`) or an expression in code (`16 << 20`).
 */
const MEASURE = /(?<![\w.#\-/<>=[:])(?:\d{1,3}(?:[ \u2009\u202F]\d{3})+|\d+)(?:\.\d+)?[ \u2009\u202F]?(?:×|%|(?:[xsB]|ns|µs|us|ms|KiB|MiB|GiB|kB|KB|MB|GB|bytes?|words?|[a-z]+\/(?:ms|s|µs|ns))(?![\w/]))/g
/** `(source: std's docs for Box)`: a sourced constant, on the same line as the number. */
const SOURCE = /\(source:\s*[^)\s][^)]*\)/

/** The typed measures on one line of a deck (outside code blocks); none when the line names its source. */
export function typedMeasures(text: string, line: number): TypedMeasure[] {
  if (SOURCE.test(text))
    return []
  const found: TypedMeasure[] = []
  for (const m of text.matchAll(MEASURE))
    found.push({ line, column: m.index + 1, text: m[0] })
  return found
}

/** The check's message for one typed measure, naming the file and line and how to fix it. */
export function typedMeasureProblem(file: string, m: TypedMeasure): string {
  return `${file}:${m.line}: "${m.text}" is a measured quantity typed into the slide; render it from a capture (<MeasuredRatio snippet="…" of="…" over="…" />, <Measured snippet="…" name="…" />, or the <RunOutput> that printed it), say it without the figure, or, for a documented constant, write its source beside it: "(source: …)"`
}

/**
 * A sentence bound to a witness: a test in a snippet, or a program whose
 * promise (and so every assertion in it) the check kept. Written in text or
 * notes as `(witness: box/niche#nil_is_the_null_pointer)`, or on a slide as
 * `<Witness snippet="box/niche" test="nil_is_the_null_pointer">…</Witness>`.
 */
export interface WitnessRef {
  /** 1-based line of the claim in the deck file. */
  line: number
  snippet: string
  /** The test's name (`nil_is_the_null_pointer` or `tests::nil_is_the_null_pointer`); absent: the program itself. */
  test?: string
}

const WITNESS = /\(witness:\s*([a-z0-9-]+\/[a-z0-9-]+)(?:#([\w:]+))?\s*\)/g

/** The `(witness: …)` forms on one line. */
export function witnessRefs(text: string, line: number): WitnessRef[] {
  return [...text.matchAll(WITNESS)].map(m => (m[2] ? { line, snippet: m[1]!, test: m[2] } : { line, snippet: m[1]! }))
}

/**
 * Each witness, held against the last check: the snippet exists and keeps
 * its promise, and the named test ran and passed. A witness that fails
 * fails the deck at the claim's line.
 */
export function witnessProblems(file: string, witnesses: readonly WitnessRef[], data: GeneratedData): string[] {
  const problems: string[] = []
  for (const w of witnesses) {
    const at = `${file}:${w.line}`
    const r = data.snippets[w.snippet]
    if (!r) {
      problems.push(`${at}: the claim's witness \`${w.snippet}\` names no snippet`)
      continue
    }
    if (r.status === 'failed') {
      problems.push(`${at}: the claim's witness ${w.snippet} fails: ${(r.failures[0] ?? '').split('\n')[0]}`)
      continue
    }
    if (w.test === undefined)
      continue
    const results = r.tests?.results ?? []
    const test = results.find(t => t.name === w.test || t.name.endsWith(`::${w.test}`))
    if (!test)
      problems.push(`${at}: the claim's witness ${w.snippet} has no test \`${w.test}\`${results.length ? `; its tests are: ${results.map(t => t.name).join(', ')}` : '; it has no tests'}`)
    else if (test.outcome !== 'ok')
      problems.push(`${at}: the claim's witness ${w.snippet}#${w.test} ${test.outcome === 'ignored' ? 'is ignored, so it proves nothing' : `fails: ${test.message ?? 'failed'}`}; the sentence it witnesses is not true of the code`)
  }
  return problems
}
