/**
 * What a slide says about editions: the edition a snippet is shown in, and
 * what the other edition did with the same code, both from the check's
 * captures (`SnippetResult.edition`, `SnippetResult.other`). Rendered by
 * `<EditionContrast>`; nothing here is typed by a deck.
 */
import type { Diagnostic, RunCapture, SnippetResult } from './snippet-data.ts'
import { stripAnsi } from './ansi.ts'
import { describeExpectation } from './snippet-header.ts'

export interface EditionContrastView {
  /** The edition the slide's code and output are from. */
  shown: '2021' | '2024'
  other: '2021' | '2024'
  /** What the shown edition did, in the header's words (`runs`, `compile-error E0700`). */
  shownOutcome: string
  /** What the other edition did, in the header's words. */
  otherOutcome: string
  /** The other edition's evidence: the first error's rendered head, or the output lines that differ. */
  lines: string[]
  /** What `lines` are: rustc's error, or what the program printed. */
  evidence: 'error' | 'output'
}

/** The contrast for a snippet; null when the check did not judge it under the other edition. */
export function editionContrast(r: SnippetResult): EditionContrastView | null {
  if (!r.other || !r.edition)
    return null
  const o = r.other
  return {
    shown: r.edition,
    other: o.edition,
    shownOutcome: describeExpectation(r.expectation),
    otherOutcome: describeExpectation(o.expectation),
    lines: o.compiled ? runLines(o.run, r.run) : errorLines(o.diagnostics),
    evidence: o.compiled ? 'output' : 'error',
  }
}

function errorLines(diagnostics: readonly Diagnostic[]): string[] {
  const error = diagnostics.find(d => d.level === 'error')
  if (!error)
    return []
  return [`error${error.code ? `[${error.code}]` : ''}: ${error.message}`]
}

/** The other edition's stdout lines that are not the shown edition's, at the same place (all of them when it panicked). */
function runLines(other: RunCapture | null, shown: RunCapture | null): string[] {
  if (!other)
    return []
  const mine = other.stdout.split('\n')
  const theirs = shown?.stdout.split('\n') ?? []
  const differing = mine.filter((line, i) => line !== '' && line !== theirs[i])
  const panic = stripAnsi(other.stderr).split('\n').find(l => l.includes('panicked'))
  return [...differing, ...(panic ? [panic] : [])]
}
