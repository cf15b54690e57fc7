/**
 * `npm test` as a graph: each step names the steps it needs, and every step
 * whose needs have passed starts at once, up to `jobs` at a time. What does
 * not depend on anything (cargo fmt, vue-tsc, ESLint) runs beside the check;
 * the unit tests and the tests that need no site run beside the publish; the
 * browser tests read the one site the publish made.
 *
 * The runner is given, so the scheduling is tested without processes.
 */
import { stripVTControlCharacters } from 'node:util'

export interface PlannedStep {
  name: string
  /** Names of the steps that must have passed before this one starts. */
  needs: readonly string[]
}

export interface StepResult {
  name: string
  /** Exit code; null when the step did not run because a step it needs failed. */
  code: number | null
  /** When it started and how long it ran, in ms from the start of the run. */
  startMs: number
  durationMs: number
  /** Why it did not run. */
  skipped?: string
}

export interface ScheduleOptions {
  /** Steps running at once, at most. */
  jobs: number
  /** Runs one step; resolves with its exit code. */
  run: (name: string) => Promise<number>
  /** A failure of `name` with `code` that makes the steps needing it meaningless; default: any failure. */
  blocks?: (name: string, code: number) => boolean
  now?: () => number
}

/** Fails, naming the step, when a need is not a step or the needs loop. */
export function checkPlan(steps: readonly PlannedStep[]): void {
  const names = new Set(steps.map(s => s.name))
  if (names.size !== steps.length)
    throw new Error(`test plan: a step name is used twice (${steps.map(s => s.name).join(', ')})`)
  for (const s of steps) {
    for (const n of s.needs) {
      if (!names.has(n))
        throw new Error(`test plan: step "${s.name}" needs "${n}", which is not a step`)
    }
  }
  const state = new Map<string, 'visiting' | 'done'>()
  const byName = new Map(steps.map(s => [s.name, s]))
  const visit = (name: string, path: string[]) => {
    if (state.get(name) === 'done')
      return
    if (state.get(name) === 'visiting')
      throw new Error(`test plan: steps need each other: ${[...path, name].join(' → ')}`)
    state.set(name, 'visiting')
    for (const n of byName.get(name)!.needs)
      visit(n, [...path, name])
    state.set(name, 'done')
  }
  for (const s of steps)
    visit(s.name, [])
}

/**
 * Runs every step as soon as its needs have passed, `jobs` at a time, in the
 * order given among those ready. A step whose need failed (as `blocks` says)
 * is skipped, and so are the steps needing it. Results come in plan order.
 */
export async function schedule(steps: readonly PlannedStep[], options: ScheduleOptions): Promise<StepResult[]> {
  checkPlan(steps)
  const now = options.now ?? (() => performance.now())
  const blocks = options.blocks ?? ((_name, code) => code !== 0)
  const t0 = now()
  const results = new Map<string, StepResult>()
  const blocked = new Map<string, string>()
  const running = new Set<string>()
  return new Promise((resolve) => {
    const pump = () => {
      for (const s of steps) {
        if (results.has(s.name) || running.has(s.name))
          continue
        const failedNeed = s.needs.find(n => blocked.has(n))
        if (failedNeed) {
          results.set(s.name, { name: s.name, code: null, startMs: now() - t0, durationMs: 0, skipped: `${failedNeed} failed` })
          blocked.set(s.name, failedNeed)
          continue
        }
        if (running.size >= options.jobs || !s.needs.every(n => results.get(n)?.code != null && !blocked.has(n)))
          continue
        running.add(s.name)
        const start = now()
        void options.run(s.name).catch(() => 127).then((code) => {
          running.delete(s.name)
          results.set(s.name, { name: s.name, code, startMs: start - t0, durationMs: now() - start })
          if (code !== 0 && blocks(s.name, code))
            blocked.set(s.name, s.name)
          pump()
        })
      }
      // Skipping may have made others skippable: settle them before finishing.
      if (steps.some(s => !results.has(s.name) && !running.has(s.name) && s.needs.some(n => blocked.has(n))))
        return pump()
      if (results.size === steps.length)
        resolve(steps.map(s => results.get(s.name)!))
    }
    pump()
  })
}

const secs = (ms: number): string => `${(ms / 1000).toFixed(0)} s`

/** The table printed at the end: each step's start, time and result, then the wall time. */
export function timingTable(results: readonly StepResult[], wallMs: number): string {
  const width = Math.max(4, ...results.map(r => r.name.length))
  const rows = results.map((r) => {
    const outcome = r.skipped ? `skipped (${r.skipped})` : r.code === 0 ? 'passed' : `FAILED (exit ${r.code})`
    return `  ${r.name.padEnd(width)}  ${r.skipped ? '     -' : `+${secs(r.startMs)}`.padStart(6)}  ${r.skipped ? '     -' : secs(r.durationMs).padStart(6)}  ${outcome}`
  })
  return [`  ${'step'.padEnd(width)}  ${'start'.padStart(6)}  ${'time'.padStart(6)}  result`, ...rows, `  ${'all'.padEnd(width)}  ${''.padStart(6)}  ${secs(wallMs).padStart(6)}  wall clock`].join('\n')
}

/**
 * What of a failed step's output is reprinted after the timing table, so
 * that the end of a long run's log says what failed and why: vitest's
 * report of failed tests, suites and unhandled errors (from its first
 * `⎯⎯ Failed …` or `⎯⎯ Unhandled …` banner to its `Test Files` line), else
 * the output's last lines; at most `max` lines, without escape sequences.
 */
export function failureExcerpt(output: readonly string[], max = 60): string[] {
  const lines = output.map(l => stripVTControlCharacters(l).trimEnd())
  const from = lines.findIndex(l => /^⎯+\s*(?:Failed (?:Tests|Suites)|Unhandled (?:Errors?|Rejections?))\b/.test(l))
  let excerpt: string[]
  if (from >= 0) {
    const end = lines.findIndex((l, i) => i > from && /^\s*Test Files\s/.test(l))
    excerpt = lines.slice(from, end < 0 ? undefined : end)
  }
  else {
    excerpt = lines.slice(-Math.min(max, 25))
  }
  // Blank runs collapse to one line; the excerpt is cut at max with a word of how much was left out.
  excerpt = excerpt.filter((l, i) => l !== '' || (i > 0 && excerpt[i - 1] !== ''))
  return excerpt.length > max ? [...excerpt.slice(0, max - 1), `… ${excerpt.length - max + 1} more lines: see the step's output above`] : excerpt
}
