/**
 * A deck as a PDF with every click step on its own page.
 *
 * `slidev export` prints from a dev server that compiles each slide when the
 * print page asks for it; on a busy machine it printed pages that still said
 * "Loading slide…" and skipped their click steps. So the PDF is printed from
 * a production build instead: `slidev build --download` builds the deck with
 * its print page, serves the build and runs Slidev's exporter on it (with
 * the same `--with-clicks`, `--executable-path` and `--timeout`). That build
 * only makes the PDF; learners get the build without the print page.
 *
 * Slidev serves that build on a fixed port (12445), so one PDF is made at a
 * time, and its base must be absolute (`/<id>/`) for the exporter's URL.
 */
import { existsSync } from 'node:fs'
import { mkdtemp, readdir, rename, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { LessonError } from '../errors.ts'
import { run } from '../process.ts'
import { deckFile, slidevBin } from '../slidev.ts'

/** Slidev's limit for rendering the print page. */
export const EXPORT_PAGE_TIMEOUT_MS = 300_000
const EXPORT_PROCESS_TIMEOUT_MS = 900_000
/** Pause after the print page went quiet, for fonts and last layout. */
const EXPORT_SETTLE_MS = 1000

export function exportArgs(deck: string, id: string, outDir: string, chromium: string): string[] {
  return [
    'build',
    deck,
    '--out',
    outDir,
    '--base',
    `/${id}/`,
    '--without-notes',
    '--download',
    '--with-clicks',
    '--executable-path',
    chromium,
    '--timeout',
    String(EXPORT_PAGE_TIMEOUT_MS),
    '--wait-until',
    'networkidle',
    '--wait',
    String(EXPORT_SETTLE_MS),
  ]
}

export async function exportPdf(root: string, id: string, output: string, chromium: string): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), `lesson-pdf-${id}-`))
  try {
    const result = await run(slidevBin(root), exportArgs(deckFile(root, id), id, work, chromium), {
      cwd: root,
      env: { ...process.env, NODE_ENV: 'production' },
      timeoutMs: EXPORT_PROCESS_TIMEOUT_MS,
    })
    const pdf = existsSync(work) ? (await readdir(work)).find(f => f.endsWith('.pdf')) : undefined
    const made = pdf !== undefined && (await stat(join(work, pdf))).size > 0
    if (result.exitCode !== 0 || !made) {
      const why = result.timedOut ? `timed out after ${EXPORT_PROCESS_TIMEOUT_MS / 1000} s` : result.exitCode !== 0 ? `exit ${result.exitCode}` : 'no PDF was written'
      const tail = `${result.stdout}\n${result.stderr}`.split('\n').filter(l => l.trim() && !/^\s+(?:at |- plugin)/.test(l)).slice(-15).join('\n')
      throw new LessonError(`PDF of slides/${id}.md failed (${why}):\n${tail}`)
    }
    await rename(join(work, pdf), output).catch(async () => {
      // Another file system: copy instead.
      const { copyFile } = await import('node:fs/promises')
      await copyFile(join(work, pdf), output)
    })
  }
  finally {
    await rm(work, { recursive: true, force: true })
  }
}
