/**
 * `npm run build [-- <deck> ...]`
 *
 * Checks every snippet, then builds each deck (all by default) as a static
 * web deck in `dist/<deck>/`. Nothing is built from a failing check.
 */
import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { LessonError } from '../core/errors.ts'
import { runCheck } from './lib/check.ts'
import { reportFailures } from './lib/check/report.ts'
import { buildDeck, deckFile, deckIds } from './lib/slidev.ts'

async function main(argv: string[]): Promise<void> {
  const started = performance.now()
  const root = fileURLToPath(new URL('..', import.meta.url))
  const decks = argv.length ? argv : await deckIds(root)
  decks.forEach(id => deckFile(root, id))
  const report = await runCheck({ root, log: line => console.error(`check: ${line}`) })
  if (report.failed) {
    for (const failure of reportFailures(report))
      console.error(failure)
    throw new LessonError(`the check failed (${report.failed} failed): nothing was built`)
  }
  for (const id of decks) {
    const out = join(root, 'dist', id)
    console.error(`build: slides/${id}.md → dist/${id}/`)
    await rm(out, { recursive: true, force: true })
    await buildDeck(root, id, out)
  }
  console.error(`build: ${decks.length} decks in ${((performance.now() - started) / 1000).toFixed(1)} s`)
}

main(process.argv.slice(2)).catch((error) => {
  console.error(error instanceof LessonError ? `build: ${error.message}` : error)
  process.exit(1)
})
