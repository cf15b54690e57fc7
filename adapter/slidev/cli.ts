import type { RunResult } from '../../scripts/lib/process.ts'
/**
 * Slidev, driven the way every command of the kit needs it: one deck per
 * `slides/<id>.md`, built with a relative base and hash routes so the
 * output works from any sub-path and from a plain static host.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { LessonError } from '../../core/errors.ts'
import { listDeckIds } from '../../scripts/lib/decks.ts'
import { run } from '../../scripts/lib/process.ts'
import { DECK_ENV } from '../../scripts/lib/vite-deck.ts'

/** Deck ids with a file in slides/, in lesson order, the whole lesson after the topics. */
export async function deckIds(root: string): Promise<string[]> {
  return listDeckIds(root)
}

export function deckFile(root: string, id: string): string {
  const file = join(root, 'slides', `${id}.md`)
  if (!existsSync(file))
    throw new LessonError(`no deck \`${id}\`: slides/${id}.md does not exist (decks: ${listDeckIds(root).join(', ')})`)
  return file
}

export function slidevBin(root: string): string {
  return join(root, 'node_modules', '.bin', 'slidev')
}

/** `slidev build` of one deck into `outDir` (absolute). */
export async function buildDeck(root: string, id: string, outDir: string, extraArgs: readonly string[] = [], env: Record<string, string> = {}): Promise<RunResult> {
  const args = ['build', deckFile(root, id), '--out', outDir, '--base', './', ...extraArgs]
  const result = await run(slidevBin(root), args, { cwd: root, env: { ...process.env, NODE_ENV: 'production', [DECK_ENV]: id, ...env } })
  if (result.exitCode !== 0) {
    const tail = `${result.stdout}\n${result.stderr}`.split('\n').filter(l => l.trim() && !/^\s+at /.test(l)).slice(-15).join('\n')
    throw new LessonError(`slidev build of slides/${id}.md failed (exit ${result.exitCode}):\n${tail}`)
  }
  return result
}
