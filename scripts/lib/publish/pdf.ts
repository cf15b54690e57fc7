/**
 * A deck as a PDF with every click step on its own page, by `slidev export`
 * with the system Chromium. The export starts its own dev server per deck;
 * the time limit is generous because a cold start of a large deck has been
 * seen to pass Slidev's default 30 s.
 */
import { existsSync } from 'node:fs'
import { stat } from 'node:fs/promises'
import { join } from 'node:path'
import { LessonError } from '../errors.ts'
import { run } from '../process.ts'
import { deckFile, slidevBin } from '../slidev.ts'
import { VITE_CACHE_ENV } from './vite-cache.ts'

/** Slidev's own limit for rendering the print page, and ours for the whole export. */
export const EXPORT_PAGE_TIMEOUT_MS = 300_000
const EXPORT_PROCESS_TIMEOUT_MS = 900_000
/** Pause after the print page went quiet, for fonts and last layout. */
const EXPORT_SETTLE_MS = 1000

/**
 * Exports, trying once more after a failure: a cold export on a busy machine
 * has been seen to give up waiting for a slide that a second, warm run
 * renders at once.
 */
export async function exportPdf(root: string, id: string, output: string, chromium: string, log: (line: string) => void = () => {}): Promise<void> {
  try {
    await exportOnce(root, id, output, chromium)
  }
  catch (error) {
    log(`${error instanceof Error ? error.message.split('\n')[0] : String(error)}; trying once more`)
    await exportOnce(root, id, output, chromium)
  }
}

async function exportOnce(root: string, id: string, output: string, chromium: string): Promise<void> {
  const args = [
    'export',
    deckFile(root, id),
    '--output',
    output,
    '--format',
    'pdf',
    '--with-clicks',
    '--executable-path',
    chromium,
    '--timeout',
    String(EXPORT_PAGE_TIMEOUT_MS),
    // The dev server loads each slide's module on demand; printing before
    // they have all arrived gives pages that say "Loading slide...".
    '--wait-until',
    'networkidle',
    '--wait',
    String(EXPORT_SETTLE_MS),
  ]
  const result = await run(slidevBin(root), args, {
    cwd: root,
    env: { ...process.env, [VITE_CACHE_ENV]: join(root, 'node_modules', '.cache', 'lesson-publish', `vite-${id}`) },
    timeoutMs: EXPORT_PROCESS_TIMEOUT_MS,
  })
  const made = existsSync(output) && (await stat(output)).size > 0
  if (result.exitCode !== 0 || !made) {
    const why = result.timedOut ? `timed out after ${EXPORT_PROCESS_TIMEOUT_MS / 1000} s` : result.exitCode !== 0 ? `exit ${result.exitCode}` : 'no PDF was written'
    const tail = `${result.stdout}\n${result.stderr}`.split('\n').filter(l => l.trim() && !/^\s+at /.test(l)).slice(-15).join('\n')
    throw new LessonError(`slidev export of slides/${id}.md failed (${why}):\n${tail}`)
  }
}
