/**
 * What a slide's words may claim. A measured quantity (a number with ×, %,
 * ns, µs, ms, s, B, KiB, MiB, bytes, words, or a rate such as reads/ms) is
 * never typed into a slide's text or notes: it is rendered from a capture
 * (`<MeasuredRatio>`, `<Measured>`, `<RunOutput>`), or it is a constant
 * whose source is written beside it, `(source: …)`, on the same line.
 * Pure: the deck model calls it on each line outside code blocks.
 */

/** One typed measured quantity on a line. */
export interface TypedMeasure {
  /** 1-based line in the deck file. */
  line: number
  /** 1-based column of the number. */
  column: number
  /** The number and its unit as typed, e.g. `2×`, `16 bytes`. */
  text: string
}

const UNIT = String.raw`(?:×|x(?![\w])|%|ns|µs|us|ms|s|B|KiB|MiB|GiB|kB|KB|MB|GB|bytes?|words?|[a-z]+\/(?:ms|s|µs|ns))(?![\w/])`
/**
 * A number (digits, a decimal part, thousands split by spaces or thin
 * spaces) and a unit. Not part of a word or an identifier (`E0499`,
 * `u16`, `gap-4`), a version (`1.95`) or an expression in code (`16 << 20`).
 */
const MEASURE = new RegExp(String.raw`(?<![\w.#\-/<>=\[:])(\d{1,3}(?:[ \u2009\u202F]\d{3})+|\d+)(?:\.\d+)?[ \u2009\u202F]?${UNIT}`, 'g')
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
