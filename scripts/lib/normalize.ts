/**
 * What the toolchain adds to a run that differs between runs or machines,
 * rewritten so a capture is the same everywhere. A program's own output is
 * never touched: each rule names the stream and the kind of line it is for,
 * and a program that prints look-alike text anywhere else keeps it.
 *
 * - stdout of a program: the program's alone; nothing is rewritten.
 * - stderr of a program: the panic handler's `thread '…' (id) panicked at <path>:` lines.
 * - a test binary's output: those panic lines, libtest's `note: test did not
 *   panic as expected at <path>` lines, and its closing `test result:` line.
 */
import { formatPanicHeader, panicHeader } from '../../core/panic.ts'

/** libtest, when a `#[should_panic]` test returned. */
const NO_PANIC_LINE = /^(note: test did not panic as expected at )(.*)$/
/** libtest's totals, the last line it writes: `test result: ok. 1 passed; …; finished in 0.37s`. */
const RESULT_LINE = /^(test result: .*; finished in )\d+\.\d+s$/

/** stdout of a program: returned as printed. */
export function normalizeStdout(text: string): string {
  return text
}

/** stderr of a program: only the panic handler's lines. */
export function normalizeStderr(text: string, roots: readonly string[] = []): string {
  return mapLines(text, line => panicLine(line, roots))
}

/** What a unit-test binary printed (stdout then stderr). */
export function normalizeTestOutput(text: string, roots: readonly string[] = []): string {
  const lines = text.split('\n')
  // Only libtest's own totals line: the last `test result:` line, since a
  // failed test's captured output is printed before it.
  let last = -1
  for (let i = lines.length - 1; i >= 0; i--) {
    if (lines[i]!.startsWith('test result: ')) {
      last = i
      break
    }
  }
  return lines.map((line, i) => {
    // libtest prints how long the tests took.
    if (i === last)
      return line.replace(RESULT_LINE, '$1' + '0.00s')
    const noPanic = NO_PANIC_LINE.exec(line)
    if (noPanic)
      return noPanic[1]! + relativeTo(noPanic[2]!, roots)
    return panicLine(line, roots)
  }).join('\n')
}

/**
 * What rustc printed about a compile: all of it is the toolchain's, so the
 * temporary directory it compiled in is removed wherever it appears.
 */
export function normalizeCompilerOutput(text: string, roots: readonly string[] = []): string {
  let out = text
  for (const root of roots)
    out = out.split(`${root.replace(/\/$/, '')}/`).join('')
  return out
}

/** `thread 'main' (12345) panicked at /abs/rc/src/bin/x.rs:9:5:`, as the panic handler writes it. */
function panicLine(line: string, roots: readonly string[]): string {
  const h = panicHeader(line)
  if (!h || h.threadId === null)
    return line
  // rustc 1.95 prints the OS thread id, which changes on every run; the
  // location names the machine's checkout when rustc was given an absolute path.
  return formatPanicHeader(h.thread, relativeTo(h.rest, roots))
}

/** A location with the checkout's root removed from its front. */
function relativeTo(location: string, roots: readonly string[]): string {
  for (const root of roots) {
    const prefix = `${root.replace(/\/$/, '')}/`
    if (location.startsWith(prefix))
      return location.slice(prefix.length)
  }
  return location
}

function mapLines(text: string, f: (line: string) => string): string {
  return text.split('\n').map(f).join('\n')
}
