/**
 * What Rust's panic handler writes to stderr, read one way for every reader
 * (the quiz, the judge of a run, libtest's sections, imported transcripts).
 *
 * ```text
 * thread 'main' (48213) panicked at refcell/src/bin/x.rs:9:5:
 * already borrowed: BorrowMutError
 * note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace
 * ```
 *
 * - The location line: `thread '<name>'`, from rustc 1.95 the OS thread id
 *   `(<id>)`, then `panicked at <path>:<line>:<col>:`. The message follows
 *   on the next lines, up to the `note: ` line (written after the first
 *   panic of a process only), the next panic's location line or the end.
 * - Before rustc 1.73 the message was quoted on the location line:
 *   `thread 'main' panicked at 'msg', src/main.rs:9:5` (recorded transcripts).
 *
 * The handler writes no colour codes; a message keeps any its program put in.
 */

/** The panic handler's first line, as far as `panicked at `: who panicked, and the rest of the line. */
export interface PanicHeader {
  thread: string
  /** The OS thread id rustc 1.95 prints, which changes on every run; null when absent. */
  threadId: string | null
  /** What follows `panicked at `. */
  rest: string
}

/** One panic: who, where, and what it said. */
export interface Panic {
  thread: string
  /** `path:line:col`. */
  location: string
  /** The message, trimmed; it may span lines. */
  message: string
}

const HEADER = /^thread '(.*)'(?: \((\d+)\))? panicked at (.*)$/
/** rustc ≥ 1.73: the location, then a colon; the message is below. */
const AT_NEW = /^(.*:\d+:\d+):$/
/** rustc < 1.73: the quoted message, then the location. */
const AT_OLD = /^'(.*)', (.*:\d+:\d+)$/

/** The line's panic header (`thread '…' (id) panicked at …`), or null for any other line. */
export function panicHeader(line: string): PanicHeader | null {
  const m = HEADER.exec(line)
  return m ? { thread: m[1]!, threadId: m[2] ?? null, rest: m[3]! } : null
}

/** A header line as the handler writes it without the thread id. */
export function formatPanicHeader(thread: string, rest: string): string {
  return `thread '${thread}' panicked at ${rest}`
}

/** Whether the line starts a panic: a header with a location, new or old style. */
export function isPanicLine(line: string): boolean {
  const h = panicHeader(line)
  return h !== null && (AT_NEW.test(h.rest) || AT_OLD.test(h.rest))
}

/** Every panic in `text`, in order. */
export function panics(text: string): Panic[] {
  const lines = text.split('\n')
  const found: Panic[] = []
  for (let i = 0; i < lines.length; i++) {
    const h = panicHeader(lines[i]!)
    if (!h)
      continue
    const old = AT_OLD.exec(h.rest)
    if (old) {
      found.push({ thread: h.thread, location: old[2]!, message: old[1]! })
      continue
    }
    const at = AT_NEW.exec(h.rest)
    if (!at)
      continue
    let end = i + 1
    while (end < lines.length && !lines[end]!.startsWith('note: ') && !isPanicLine(lines[end]!))
      end++
    found.push({ thread: h.thread, location: at[1]!, message: lines.slice(i + 1, end).join('\n').trim() })
    i = end - 1
  }
  return found
}

/** The first panic in `text`, or null. */
export function firstPanic(text: string): Panic | null {
  return panics(text)[0] ?? null
}

/** The message of the first panic in `text` (stderr, or a failed test's section), or null. */
export function panicMessage(text: string): string | null {
  return firstPanic(text)?.message ?? null
}
