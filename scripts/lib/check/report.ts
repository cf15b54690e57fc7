import type { SnippetResult } from '../../../core/snippet-data.ts'
/**
 * The report phase: what the check found, and the one way every command
 * (check, build, dev, publish) prints a failure: `file:line: message`, so an
 * editor or terminal can jump to it, with the lines after the first (rustc's
 * rendering, a diff, a test's output) indented under it.
 */
import { describeExpectation } from '../../../core/snippet-source.ts'

export interface CheckReport {
  rustc: string
  snippets: SnippetResult[]
  /** Failures not tied to one snippet: decks, support crates, malformed headers. */
  problems: string[]
  /** Expected files rewritten by `--update`, with what changed. */
  updated: string[]
  /** Imported snippets no slide shows yet: not a failure, listed so a user chooses what to show. */
  unshown: { id: string, file: string, source: string }[]
  /** Snippets that promise nothing the check can judge (`expect: ignore`). */
  unjudged: string[]
  passed: number
  failed: number
  durationMs: number
}

/** A failure that starts with where it is. */
const LOCATED = /^[^\s:]+:\d+: /
/** A failure that names a file but no line. */
const FILE_ONLY = /^([^\s:]+\.\w+): /

/**
 * A failure as printed: `file:line: message`. A failure naming a file and no
 * line points at the file's first line; one naming nothing at `fallback`
 * (`file:line`, e.g. the snippet's `expect:` line) when given.
 */
export function formatFailure(failure: string, fallback?: string): string {
  let text = failure.trimEnd()
  if (!LOCATED.test(text)) {
    const file = FILE_ONLY.exec(text)
    if (file)
      text = `${file[1]}:1: ${text.slice(file[0].length)}`
    else if (fallback)
      text = `${fallback}: ${text}`
  }
  return text.replace(/\n/g, '\n    ')
}

/** Every failure of a check, formatted: each failed snippet's in snippet order, then the other problems. */
export function reportFailures(report: Pick<CheckReport, 'snippets' | 'problems'>): string[] {
  return [
    ...report.snippets.flatMap(s => s.failures.map(f => formatFailure(f, `${s.file}:1`))),
    ...report.problems.map(p => formatFailure(p)),
  ]
}

const VERDICT = { passed: 'ok  ', failed: 'FAIL', unjudged: 'skip' } as const

/** One line per snippet: `ok`, `FAIL` or `skip` (unjudged), its id and its promise; then what the check noted (tests that also ran, lints allowed). */
export function verdictLines(report: Pick<CheckReport, 'snippets'>): string[] {
  return report.snippets.flatMap(s => [
    `${VERDICT[s.status]} ${s.id.padEnd(36)} ${describeExpectation(s.expectation)}`,
    ...(s.notes ?? []).map(n => `     ${n}`),
  ])
}

/** What the check leaves to the user: imported snippets on no slide yet, and snippets it does not judge. */
export function listedLines(report: Pick<CheckReport, 'unshown' | 'unjudged'>): string[] {
  return [
    ...(report.unshown.length ? [`imported, not on a slide (${report.unshown.length}):`, ...report.unshown.map(s => `  ${s.id.padEnd(36)} ${s.file}  (from ${s.source})`)] : []),
    ...(report.unjudged.length ? [`unjudged, \`expect: ignore\` (${report.unjudged.length}): ${report.unjudged.join(', ')}`] : []),
  ]
}

export function summaryLine(report: Pick<CheckReport, 'passed' | 'failed'> & Partial<Pick<CheckReport, 'unjudged'>>): string {
  return `${report.passed} passed, ${report.failed} failed${report.unjudged?.length ? `, ${report.unjudged.length} unjudged` : ''}`
}

/** `npm run check -- --json`: the report for machines, nothing else on stdout. */
export function reportJson(report: CheckReport): string {
  return JSON.stringify({
    rustc: report.rustc,
    passed: report.passed,
    failed: report.failed,
    durationMs: Math.round(report.durationMs),
    problems: report.problems,
    updated: report.updated,
    unshown: report.unshown,
    unjudged: report.unjudged,
    snippets: report.snippets.map(s => ({
      id: s.id,
      file: s.file,
      topic: s.topic,
      expectation: describeExpectation(s.expectation),
      status: s.status,
      durationMs: s.durationMs,
      failures: s.failures,
      notes: s.notes ?? [],
    })),
  }, null, 2)
}
