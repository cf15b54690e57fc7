import type { GeneratedData, SnippetResult } from '../../core/snippet-data.ts'
import type { CachedCapture } from './check/cache.ts'
import type { CheckReport } from './check/report.ts'
import type { Snippet } from './snippets.ts'
/**
 * The check behind `npm run check`, `npm run build` and `npm run publish`:
 * every snippet built, run and judged against its promise, every deck's
 * references to snippets resolved, and the captures written for the slides.
 * One phase per module in `check/`: discover (`snippets.ts`), cache, capture,
 * judge, expected files, report. The decks are parsed here once, into the
 * lesson model (`lesson-model.ts`) that every other part of the kit reads.
 */
import { rm } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { capturesOf, serializeLessonModel } from '../../core/lesson-model.ts'
import { programEditions, rustcVersion } from './cargo.ts'
import { cacheKey, cachePath, cacheToKeep, readCache, reusable, writeCache } from './check/cache.ts'
import { captureSnippets } from './check/capture.ts'
import { readExpected, updateExpected } from './check/expected.ts'
import { generatedDir, writeAtomic } from './check/files.ts'
import { judgeSnippet } from './check/judge.ts'
import { otherExpectedBase } from './check/other-edition.ts'
import { reportFailures } from './check/report.ts'
import { captionProblems, claimProblems, witnessCheck } from './claims-check.ts'
import { checkDecks } from './deck-check.ts'
import { loadDecks } from './decks.ts'
import { driftReport } from './drift.ts'
import { buildLessonModel, lessonModelPath, modelOwnProblems, readLessonModel } from './lesson-model.ts'
import { paceProblems } from './pace-check.ts'
import { checkQuizzes } from './quiz-check.ts'
import { checkReplays } from './replays.ts'
import { discoverSnippets } from './snippets.ts'
import { checkTopics } from './topics-check.ts'

export type { CheckReport } from './check/report.ts'
export { generatedDir, writeAtomic }

export interface CheckOptions {
  /** The kit's root (holding `snippets/`, `slides/`). */
  root: string
  /** Rewrite expected outputs and recordings from this run. */
  update?: boolean
  /** Progress lines, one per phase. */
  log?: (line: string) => void
  /** Time limit for one program run. */
  runTimeoutMs?: number
}

export async function runCheck(options: CheckOptions): Promise<CheckReport> {
  const started = performance.now()
  const { root } = options
  const log = options.log ?? (() => {})

  // Discover.
  const rustc = await rustcVersion()
  const discovery = await discoverSnippets(root)
  const { snippets } = discovery
  const problems = [...discovery.errors]
  log(`${snippets.length} snippets in ${new Set(snippets.map(s => s.topic)).size} topics (${rustc})`)

  // Cache.
  const cache = await readCache(cachePath(root), line => log(`warning: ${line}`))
  const keys = new Map<Snippet, string>()
  for (const s of snippets)
    keys.set(s, await cacheKey(rustc, s, s.place === 'bin' ? discovery.sharedInputs.get(s.topic) ?? [] : []))
  const captures: Map<Snippet, CachedCapture> = reusable(snippets, cache, keys)
  const stale = [...snippets.filter(s => s.place === 'bin'), ...snippets.filter(s => s.place === 'fail')].filter(s => !captures.has(s))
  log(`${snippets.length - stale.length} unchanged since the last check, ${stale.length} to run`)

  // Capture.
  if (stale.length) {
    const fresh = await captureSnippets(stale, snippets, { root, log, runTimeoutMs: options.runTimeoutMs ?? 10_000 }, discovery.unread)
    for (const [s, c] of fresh.captures)
      captures.set(s, c)
    problems.push(...fresh.problems)
  }

  // Expected files, then judge.
  const updated = options.update ? await updateExpected(snippets, captures, root) : []
  const results: SnippetResult[] = []
  const editions = new Map<string, Awaited<ReturnType<typeof programEditions>>>()
  for (const topic of new Set(snippets.map(s => s.topic)))
    editions.set(topic, await programEditions(join(root, 'snippets'), topic))
  for (const s of snippets) {
    const { crate, own } = editions.get(s.topic)!
    const edition = own.get(relative(join(root, 'snippets', s.topic), s.path))
    results.push(judgeSnippet(s, captures.get(s)!, await readExpected(s), keys.get(s)!, root, { edition: edition ?? crate, own: edition !== undefined }, await readExpected({ expectedBase: otherExpectedBase(s) })))
  }

  log('checking the decks: fields and time budgets, references to snippets, topics, replays')
  const decks = await loadDecks(root)
  problems.push(...decks.problems)
  problems.push(...paceProblems(decks))
  const shown = await checkDecks(root, decks, snippets)
  problems.push(...shown.problems)
  problems.push(...claimProblems(decks))
  problems.push(...await checkTopics(root, decks))
  problems.push(...checkReplays(decks, results))

  await writeCache(cachePath(root), cacheToKeep(captures, keys))
  const data: GeneratedData = { rustc, snippets: Object.fromEntries(results.map(r => [r.id, r])) }
  // `--update`: what changed in each capture since the last check (a new rustc's wording, codes, output).
  if (options.update)
    updated.push(...driftReport(readGenerated(root), results, rustc).map(line => `changed ${line}`))
  problems.push(...checkQuizzes(decks, data))
  problems.push(...witnessCheck(decks, data))
  problems.push(...captionProblems(results))

  // The lesson model, from this one parse of the decks, with the captures: every other part of the kit reads it.
  // Its problems are every failure at its file and line, the snippets' and the decks'.
  const failures = reportFailures({ snippets: results, problems })
  const model = buildLessonModel(decks, data, failures)
  problems.push(...modelOwnProblems(model, failures))
  await writeAtomic(lessonModelPath(root), serializeLessonModel(model))
  // Captures once had a file of their own; a kit's old copy would only mislead.
  await rm(join(generatedDir(root), 'snippets.json'), { force: true })

  const failedSnippets = results.filter(r => r.status === 'failed').length
  const unjudged = results.filter(r => r.status === 'unjudged')
  return {
    rustc,
    snippets: results,
    problems,
    updated,
    unshown: shown.unshown.map(s => ({ id: s.id, file: s.file, source: s.provenance ?? '' })),
    unjudged: unjudged.map(r => r.id),
    passed: results.length - failedSnippets - unjudged.length,
    failed: failedSnippets + problems.length,
    durationMs: performance.now() - started,
  }
}

/** The captures of the last check's model, or null when there is none of this version. */
function readGenerated(root: string): GeneratedData | null {
  try {
    return capturesOf(readLessonModel(root))
  }
  catch {
    return null
  }
}
