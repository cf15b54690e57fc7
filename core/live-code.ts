/**
 * The code a live-coding slide shows and runs, derived from a snippet file
 * in the workspace: the slide shows one region (or the whole program) and
 * Run compiles the whole program with the edited region put back in place.
 * Plain functions, no Vue: the component only wires them to the editor.
 */
import type { LiveResponse } from './live-contract.ts'
import type { SnippetResult } from './snippet-data.ts'
import { stripAnsi } from './ansi.ts'
import { programView, requireRegion } from './snippet-source.ts'

/** A program split around the part a slide lets the class edit. */
export interface LiveProgram {
  /** The lines before the shown part, as they will be compiled. */
  before: string
  /** What the editor starts with: the region, without its indentation. */
  shown: string
  after: string
  /** The region's indentation in the file, put back before compiling. */
  indent: string
}

/**
 * Splits a snippet's source around `region`; without one the whole program
 * is shown. The `//!` header (the check's promise) and `trace::` recorder
 * calls are left out: they mean nothing to rustc alone, and slides hide them.
 */
export function liveProgram(source: string, region: string | undefined, file = 'snippet'): LiveProgram {
  const { lines, regions } = programView(source)
  if (!region)
    return { before: '', shown: lines.join('\n').trimEnd(), after: '', indent: '' }
  const { from, to } = requireRegion(regions, region, file)
  const inner = lines.slice(from, to)
  const indent = commonIndent(inner)
  return {
    before: lines.slice(0, from).join('\n'),
    shown: inner.map(l => l.slice(indent.length)).join('\n').trimEnd(),
    after: lines.slice(to).join('\n'),
    indent,
  }
}

/** The line of the compiled program where the shown part starts, so the editor numbers lines as rustc does. */
export function firstLine(program: LiveProgram): number {
  return program.before === '' ? 1 : program.before.split('\n').length + 1
}

/** The whole program to compile, with `edited` in place of the shown part. */
export function composeProgram(program: LiveProgram, edited: string): string {
  const middle = edited.split('\n').map(l => (l.trim() ? program.indent + l : l)).join('\n')
  return [program.before, middle, program.after].filter((part, i) => i === 1 || part !== '').join('\n').replace(/\n*$/, '\n')
}

function commonIndent(lines: string[]): string {
  const indents = lines.filter(l => l.trim()).map(l => /^\s*/.exec(l)![0])
  if (!indents.length)
    return ''
  return indents.reduce((a, b) => {
    let i = 0
    while (i < a.length && a[i] === b[i])
      i++
    return a.slice(0, i)
  })
}

/** A link that opens `code` in the Rust Playground, for a deck served without the dev server. */
export function playgroundUrl(code: string): string {
  return `https://play.rust-lang.org/?version=stable&mode=debug&edition=2024&code=${encodeURIComponent(code)}`
}

/** The file name the live runner compiles, as rustc's messages name it. */
export const LIVE_FILE = 'main.rs'

// `\x1b[…m`: the colour codes rustc puts around its text.
const ESCAPE = /\x1B\[[0-9;]*m/y // eslint-disable-line no-control-regex
const LOCATION = /(\S+\.rs):(\d+):\d+/g
const GUTTER = /^(\s*)(\d+)\s+\|/
const FILE_LINE = /^\s*(?:-->|:::)\s*(\S+\.rs):\d+/

/** `text` with its visible characters from `from` to `to` replaced by `insert`, colour codes kept. */
function replaceVisible(text: string, from: number, to: number, insert: string): string {
  const at: number[] = []
  for (let i = 0; i < text.length;) {
    ESCAPE.lastIndex = i
    const escape = ESCAPE.exec(text)
    if (escape) {
      i += escape[0].length
      continue
    }
    at.push(i++)
  }
  at.push(text.length)
  return text.slice(0, at[from]) + insert + text.slice(to > from ? at[to - 1]! + 1 : at[from])
}

/**
 * rustc's text about the snippet file `file`, numbered as the live editor
 * numbers it: the check compiled the file (header, recorder calls and
 * region markers included), the live runner compiles the program the
 * editor shows (`programView`), as `main.rs`. Each `file:L:C` becomes
 * `main.rs:P:C` and each gutter number of the file's source becomes P,
 * right-aligned in the gutter's width; other files' lines (std's) and
 * everything else are left as rustc printed them.
 */
export function programNumbering(text: string, file: string, source: string): string {
  const view = programView(source)
  const toProgram = new Map(view.sourceLines.map((fileLine, i) => [fileLine, i + 1]))
  // The check names a file from the snippets' workspace (`rc/fail/x.rs`); the result keeps it from the kit's root.
  const ours = (path: string): boolean => file === path || file.endsWith(`/${path}`)
  let inOurs = false
  return text.split('\n').map((line) => {
    const plain = stripAnsi(line)
    const named = FILE_LINE.exec(plain)
    if (named)
      inOurs = ours(named[1]!)
    const gutter = GUTTER.exec(plain)
    let out = line
    if (gutter && inOurs) {
      const program = toProgram.get(Number(gutter[2]))
      const from = gutter[1]!.length
      const to = from + gutter[2]!.length
      if (program !== undefined && String(program).length <= to)
        out = replaceVisible(out, 0, to, String(program).padStart(to))
    }
    // Locations, from the last so earlier positions stay valid.
    const found = [...stripAnsi(out).matchAll(LOCATION)].filter(m => ours(m[1]!) && toProgram.has(Number(m[2])))
    for (const m of found.reverse()) {
      const start = m.index!
      out = replaceVisible(out, start, start + m[1]!.length + 1 + m[2]!.length, `${LIVE_FILE}:${toProgram.get(Number(m[2]))}`)
    }
    return out
  }).join('\n')
}

/**
 * What the check recorded for the unmodified snippet, in the endpoint's
 * shape, so a static deck (and a PDF) shows the real output of this code;
 * line numbers read as the editor shows them (`programNumbering`).
 */
export function recordedResponse(result: SnippetResult): LiveResponse {
  const numbered = (text: string): string => programNumbering(text, result.file, result.source)
  const diagnostics = result.diagnostics.map(d => numbered(d.rendered.trimEnd())).join('\n')
  const base = { diagnostics: diagnostics ? `${diagnostics}\n` : '', durationMs: result.durationMs, cached: true, stopped: null, truncated: false } as const
  if (result.expectation.kind === 'compile-error' || !result.run)
    return { ...base, outcome: 'compile_error', stdout: '', stderr: '', exitCode: null }
  const run = result.run
  const outcome = run.timedOut ? 'timeout' : run.exitCode === 0 ? 'ok' : 'panic'
  return { ...base, outcome, stdout: run.stdout, stderr: numbered(run.stderr), exitCode: run.exitCode, stopped: run.timedOut ? 'time' : null }
}

/** One line saying what happened, for the output panel's header. */
export function outcomeLine(r: LiveResponse): string {
  switch (r.outcome) {
    case 'ok':
      return 'ran · exit 0'
    case 'compile_error':
      return 'does not compile'
    case 'panic':
      return r.exitCode === 101 ? 'panicked · exit 101' : `failed · exit ${r.exitCode ?? 'killed'}`
    case 'timeout':
      return r.stopped === 'output' ? 'stopped: too much output' : 'stopped: time limit'
    case 'rejected':
      return `refused: ${r.error ?? 'unknown reason'}`
  }
}

/**
 * A one-line summary of rustc's messages for a program that did compile
 * (they are warnings): shown folded, so the output stays in view.
 */
export function warningSummary(diagnostics: string): string {
  const count = (stripAnsi(diagnostics).match(/^warning(?:\[\w+\])?: (?!\d+ warnings? emitted)/gm) ?? []).length
  return count ? `rustc: ${count} warning${count > 1 ? 's' : ''}` : 'rustc: notes'
}

/** `err` for outcomes a class should read as failure. */
export function outcomeTone(r: LiveResponse): 'ok' | 'error' {
  return r.outcome === 'ok' ? 'ok' : 'error'
}
