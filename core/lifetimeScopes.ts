/**
 * `LifetimeScopes`' view model: a must-not-compile snippet's code lines
 * with one bar per value and per borrow, named after the variables (never
 * `'a`/`'b`), all derived from the spans rustc's own diagnostic points at.
 * The borrow that outlives its value, or two borrows that overlap, is the
 * error. No Vue here.
 *
 * Span labels read (rustc 1.95): "binding `x` declared here", "borrowed
 * value does not live long enough", "`x` dropped here while still
 * borrowed", "borrow later used here", "first mutable borrow occurs here",
 * "immutable borrow later used here", …
 */
import type { Diagnostic, DiagnosticSpan } from './snippet-data.ts'
import type { Region } from './snippet-source.ts'
import { headerBlock, parseRegions, regionMarker, requireRegion } from './snippet-source.ts'
import { TraceError } from './trace.ts'

export interface CodeLine {
  /** 1-based line number in the snippet file. */
  no: number
  text: string
}

export interface ScopeBar {
  /** The variable: a value (`word`) or the reference holding a borrow (`shortest`). */
  name: string
  kind: 'value' | 'borrow'
  /** For a borrow: the value it borrows. */
  of: string | null
  /** First and last line the bar covers. */
  start: number
  end: number
  /** For a borrow that outlives its value or overlaps a conflicting borrow: the first line in error. */
  errorFrom: number | null
}

export interface SpanMark {
  line: number
  columnStart: number
  columnEnd: number
  /** rustc's label for the span. */
  label: string
  primary: boolean
}

export interface ScopeStepView {
  lines: CodeLine[]
  /** Bars with how far each has grown at this step (`null`: not started). */
  bars: (ScopeBar & { shownEnd: number | null, inError: boolean })[]
  marks: (SpanMark & { visible: boolean })[]
  /** The error's one-line message and code, shown once the step reaches it. */
  error: { code: string | null, message: string } | null
  /**
   * What this step adds, in rustc's own words: the labels of its line; the
   * step where the error first shows, and the last, lead with the error.
   */
  caption: string
  announce: string
}

const DROPPED = /^`([^`]+)` dropped here while still borrowed$/
const DECLARED = /^binding `([^`]+)` declared here$/
const BORROWED = /^(?:borrowed value does not live long enough|(first |second )?(?:(?:im)?mutable )?borrow occurs here)$/
const LATER = /^(first |second )?(?:(?:im)?mutable )?borrow later used here$/
const ASSIGNED = /^\s*(?:let\s+(?:mut\s+)?)?([A-Za-z_]\w*)\s*(?::[^=]*)?=(?!=)/

export interface ScopeOptions {
  /** Show only this `// #region`'s lines. */
  region?: string | null
}

/** Derives the steps: one per line rustc pointed at, in source order. */
export function lifetimeScopes(snippetId: string, source: string, diagnostics: readonly Diagnostic[], options: ScopeOptions = {}): ScopeStepView[] {
  const error = diagnostics.find(d => d.level === 'error' && d.spans.some(s => s.label))
  if (!error)
    throw new TraceError(`snippet "${snippetId}": LifetimeScopes needs a compile error with labelled spans (e.g. E0597); this snippet has none`)
  const srcLines = source.split('\n')
  const spans = error.spans.filter(s => s.label !== null && s.lineStart === s.lineEnd)
  const marks: SpanMark[] = spans.map(s => ({ line: s.lineStart, columnStart: s.columnStart, columnEnd: s.columnEnd, label: s.label!, primary: s.primary }))
  const about = /`([^`]+)`/.exec(error.message)?.[1] ?? null

  const bars: ScopeBar[] = []
  // Values: from their binding (or the borrow) to where they are dropped.
  for (const s of spans) {
    const dropped = DROPPED.exec(s.label!)
    if (!dropped)
      continue
    const name = dropped[1]!
    const declared = spans.find(d => DECLARED.exec(d.label!)?.[1] === name)
    const borrow = spans.find(b => BORROWED.test(b.label!))
    const start = declared?.lineStart ?? findLet(srcLines, name, s.lineStart) ?? borrow?.lineStart ?? s.lineStart
    bars.push({ name, kind: 'value', of: null, start, end: s.lineStart, errorFrom: null })
  }
  // Borrows: from where they are taken to their later use.
  for (const s of spans) {
    const taken = BORROWED.exec(s.label!)
    if (!taken)
      continue
    const order = taken[1] ?? ''
    const later = spans.find(l => LATER.test(l.label!) && (LATER.exec(l.label!)![1] ?? '') === order)
      ?? (order === '' ? undefined : spans.find(l => LATER.test(l.label!) && !LATER.exec(l.label!)![1]))
    const name = ASSIGNED.exec(srcLines[s.lineStart - 1] ?? '')?.[1] ?? spanText(srcLines, s)
    bars.push({ name, kind: 'borrow', of: about, start: s.lineStart, end: later?.lineStart ?? s.lineStart, errorFrom: null })
  }
  if (!bars.length)
    throw new TraceError(`snippet "${snippetId}": rustc's spans (${spans.map(s => `"${s.label}"`).join(', ')}) name no value or borrow to draw`)

  // The error: a borrow used after its value's drop, or the primary borrow overlapping another.
  const value = bars.find(b => b.kind === 'value')
  const borrows = bars.filter(b => b.kind === 'borrow')
  if (value) {
    for (const b of borrows) {
      if (b.end > value.end)
        b.errorFrom = value.end + 1
    }
  }
  else {
    const primary = spans.find(s => s.primary && BORROWED.test(s.label!))
    const culprit = borrows.find(b => b.start === primary?.lineStart)
    if (culprit)
      culprit.errorFrom = culprit.start
  }

  const first = Math.min(...bars.map(b => b.start), ...marks.map(m => m.line))
  const last = Math.max(...bars.map(b => b.end), ...marks.map(m => m.line))
  const lines = shownLines(snippetId, source, first, last, options.region ?? null)
  const stops = [...new Set(marks.map(m => m.line).concat(bars.map(b => b.start)))].sort((a, b) => a - b)

  let errorShown = false
  return stops.map((upto, i) => {
    const isLast = i === stops.length - 1
    const shownBars = bars.map((b) => {
      const shownEnd = b.start > upto ? null : Math.min(b.end, upto)
      return { ...b, shownEnd, inError: b.errorFrom !== null && shownEnd !== null && shownEnd >= b.errorFrom }
    })
    const now = marks.filter(m => m.line === upto)
    const showsError = shownBars.some(b => b.inError) || isLast
    const firstError = showsError && !errorShown
    errorShown ||= showsError
    const started = shownBars.filter(b => b.start === upto).map(b => b.kind === 'value' ? `${b.name} lives from here` : `${b.name} borrows ${b.of ?? 'a value'}`)
    const said = now.length ? now.map(m => m.label).join('; ') : started.join('; ')
    const headline = `error${error.code ? `[${error.code}]` : ''}: ${error.message}`
    return {
      lines,
      bars: shownBars,
      marks: marks.map(m => ({ ...m, visible: m.line <= upto })),
      error: showsError ? { code: error.code, message: error.message } : null,
      caption: firstError || isLast ? [headline, said].filter(Boolean).join(' — ') : said || `line ${upto}`,
      announce: [
        `line ${upto}`,
        ...now.map(m => m.label),
        ...shownBars.filter(b => b.start === upto).map(b => b.kind === 'value' ? `${b.name} lives from here` : `${b.name} borrows ${b.of ?? 'a value'}`),
        ...(shownBars.some(b => b.inError) ? [`error${error.code ? ` ${error.code}` : ''}: ${error.message}`] : []),
      ].join('. '),
    }
  })
}

/** What a borrow with no variable is called: its code (`scores.push(10)`), or the closure that takes it. */
function spanText(lines: readonly string[], s: DiagnosticSpan): string {
  const text = (lines[s.lineStart - 1] ?? '').slice(s.columnStart - 1, s.columnEnd - 1).trim()
  if (!text)
    return `line ${s.lineStart}`
  return /^(?:move\b|\|)/.test(text) ? `closure, line ${s.lineStart}` : text
}

/** The line of `let name` / `let mut name` at or before `before`. */
function findLet(lines: readonly string[], name: string, before: number): number | null {
  const pattern = new RegExp(`\\blet\\s+(?:mut\\s+)?${name.replace(/\W/g, '\\$&')}\\b`)
  for (let i = Math.min(before, lines.length) - 1; i >= 0; i--) {
    if (pattern.test(lines[i]!))
      return i + 1
  }
  return null
}

/** The region's lines, or the lines from one before the first span to one after the last, markers and header left out. */
function shownLines(snippetId: string, source: string, first: number, last: number, region: string | null): CodeLine[] {
  const lines = source.split('\n')
  const regions = parseRegions(source, `snippet "${snippetId}"`)
  let from = Math.max(1, first - 1)
  let to = Math.min(lines.length, last + 1)
  // Without a region named, the smallest region holding every span (what the slide imports).
  const shown = region === null
    ? smallestRegion(regions, first, last)
    : requireRegion(regions, region, `snippet "${snippetId}"`, message => new TraceError(message))
  if (shown) {
    from = shown.start + 1
    to = shown.end - 1
  }
  const header = headerBlock(source).lines
  const out: CodeLine[] = []
  for (let no = Math.max(from, header + 1); no <= to; no++) {
    const text = lines[no - 1] ?? ''
    if (!regionMarker(text))
      out.push({ no, text })
  }
  return out
}

function smallestRegion(regions: ReadonlyMap<string, Region>, first: number, last: number): Region | null {
  let best: Region | null = null
  for (const r of regions.values()) {
    if (r.start < first && r.end > last && (!best || r.end - r.start < best.end - best.start))
      best = r
  }
  return best
}
