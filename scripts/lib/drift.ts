/**
 * What changed in each snippet's capture since the last check: error codes
 * added or gone, rustc's wording, program output, panic messages, test
 * results. `npm run check -- --update` prints it, so an instructor moving
 * to a new rustc sees which slides change before publishing. Pure.
 */
import type { Diagnostic, GeneratedData, SnippetResult } from '../../core/snippet-data.ts'
import { panicMessage } from '../../core/panic.ts'

/** Lines shown per output before the rest is counted. */
const MAX_LINES = 3

export function driftReport(before: GeneratedData | null, after: readonly SnippetResult[], rustc: string): string[] {
  if (!before)
    return []
  const out: string[] = []
  if (before.rustc !== rustc)
    out.push(`toolchain: ${before.rustc} → ${rustc}`)
  for (const now of after) {
    const then = before.snippets[now.id]
    if (!then)
      continue
    for (const change of snippetDrift(then, now))
      out.push(`${now.id}: ${change}`)
  }
  return out
}

export function snippetDrift(then: SnippetResult, now: SnippetResult): string[] {
  const changes: string[] = []
  const errors = (r: SnippetResult) => r.diagnostics.filter(d => d.level === 'error')
  const codes = (list: Diagnostic[]) => new Set(list.map(d => d.code).filter((c): c is string => c !== null))
  const [was, is] = [codes(errors(then)), codes(errors(now))]
  const added = [...is].filter(c => !was.has(c)).sort()
  const gone = [...was].filter(c => !is.has(c)).sort()
  if (added.length || gone.length)
    changes.push(`error codes ${[...added.map(c => `+${c}`), ...gone.map(c => `-${c}`)].join(' ')}`)
  // Wording: the messages of errors and warnings, matched by code where they have one.
  const messages = (r: SnippetResult) => r.diagnostics.filter(d => d.level === 'error' || d.level === 'warning').map(d => `${d.code ? `${d.code}: ` : ''}${d.message}`)
  const [mThen, mNow] = [messages(then), messages(now)]
  for (const m of mThen.filter(m => !mNow.includes(m)))
    changes.push(`message gone: ${JSON.stringify(m)}`)
  for (const m of mNow.filter(m => !mThen.includes(m)))
    changes.push(`message new: ${JSON.stringify(m)}`)
  if (then.run && now.run) {
    changes.push(...lineDrift('stdout', then.run.stdout, now.run.stdout))
    const [pThen, pNow] = [panicMessage(then.run.stderr), panicMessage(now.run.stderr)]
    if (pThen !== pNow)
      changes.push(`panic message ${JSON.stringify(pThen)} → ${JSON.stringify(pNow)}`)
    if (then.run.exitCode !== now.run.exitCode)
      changes.push(`exit code ${then.run.exitCode} → ${now.run.exitCode}`)
  }
  const tests = (r: SnippetResult) => new Map((r.tests?.results ?? []).map(t => [t.name, t]))
  const [tThen, tNow] = [tests(then), tests(now)]
  for (const [name, t] of tNow) {
    const old = tThen.get(name)
    if (old && old.outcome !== t.outcome)
      changes.push(`test ${name} ${old.outcome} → ${t.outcome}`)
    else if (old && old.message !== t.message)
      changes.push(`test ${name} message ${JSON.stringify(old.message)} → ${JSON.stringify(t.message)}`)
  }
  if (then.status !== now.status)
    changes.push(`now ${now.status === 'passed' ? 'keeps' : 'breaks'} its promise`)
  return changes
}

/** The lines that differ, position by position, a few shown and the rest counted. */
function lineDrift(what: string, before: string, after: string): string[] {
  if (before === after)
    return []
  const [a, b] = [before.split('\n'), after.split('\n')]
  const differing: string[] = []
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i])
      differing.push(`${what} line ${i + 1}: ${a[i] === undefined ? 'none' : JSON.stringify(a[i])} → ${b[i] === undefined ? 'none' : JSON.stringify(b[i])}`)
  }
  const shown = differing.slice(0, MAX_LINES)
  if (differing.length > MAX_LINES)
    shown.push(`${what}: ${differing.length - MAX_LINES} more lines differ`)
  return shown
}
