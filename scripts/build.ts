/**
 * `npm run build [-- <deck> ...]`
 *
 * Checks every snippet, then builds each deck (all by default) as a static
 * web deck in `dist/<deck>/`. Nothing is built from a failing check.
 */
import { mkdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildDeck, deckFile, deckIds } from '../adapter/slidev/cli.ts'
import { LessonError } from '../core/errors.ts'
import { runCheck } from './lib/check.ts'
import { reportFailures } from './lib/check/report.ts'
import { defineCommand } from './lib/command.ts'
import { preflight } from './lib/preflight.ts'
import { stopOnInterrupt } from './lib/process.ts'
import { writeMarker } from './lib/publish/swap.ts'

export const command = defineCommand({
  name: 'build',
  summary: 'the check, then each deck as a static web deck in dist/<deck>/ (nothing is built from a failing check)',
  usage: 'npm run build [-- <deck> ...]',
  positionals: [{ name: 'deck', description: 'a topic id or `lesson` (default: every deck)', multiple: true }],
  options: {},
  examples: ['npm run build', 'npm run build -- rc lesson'],
  async run({ positionals }) {
    await preflight(['rust'])
    const started = performance.now()
    const root = fileURLToPath(new URL('..', import.meta.url))
    // Ctrl-C, SIGTERM, SIGHUP: the child processes (in groups of their own) end with it.
    stopOnInterrupt(() => {}, 'build: interrupted; the deck builds were stopped')
    const decks = positionals.length ? positionals : await deckIds(root)
    decks.forEach(id => deckFile(root, id))
    const report = await runCheck({ root, log: line => console.error(`check: ${line}`) })
    if (report.failed) {
      for (const failure of reportFailures(report))
        console.error(failure)
      throw new LessonError(`the check failed (${report.failed} failed): nothing was built`)
    }
    // dist/ is the kit's own output: marked, so a publish may replace it later.
    await mkdir(join(root, 'dist'), { recursive: true })
    await writeMarker(join(root, 'dist'))
    for (const id of decks) {
      const out = join(root, 'dist', id)
      console.error(`build: slides/${id}.md → dist/${id}/`)
      await rm(out, { recursive: true, force: true })
      await buildDeck(root, id, out)
    }
    console.error(`build: ${decks.length} decks in ${((performance.now() - started) / 1000).toFixed(1)} s`)
  },
})

command.mainIfEntry(import.meta.url)
