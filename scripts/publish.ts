/**
 * `npm run publish [-- --no-pdf] [-- --notes] [-- --out <dir>]`
 *
 * From a green check to the static lesson site: every deck in `dist/<id>/`,
 * the index page `dist/index.html`, the exercises and, with Chromium, one
 * PDF per deck in `dist/pdf/` with every click step on its own page. Speaker
 * notes stay out of the web decks unless `--notes` asks for them. The site
 * is built beside `dist/` and replaces it only when everything succeeded.
 * `--out` takes only a new or empty folder, or one an earlier publish wrote
 * (docs/publishing.md). An interrupt ends the builds and leaves the previous
 * site as it was.
 * Progress goes to stderr, one line per deck and stage.
 */
import { rmSync } from 'node:fs'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { defineCommand } from './lib/command.ts'
import { preflight } from './lib/preflight.ts'
import { interrupted, stopOnInterrupt } from './lib/process.ts'
import { PUBLISH, publishArgs } from './lib/publish/args.ts'
import { publish, stagingDirs } from './lib/publish/pipeline.ts'

export const command = defineCommand({
  ...PUBLISH,
  async run(parsed) {
    const started = performance.now()
    const args = publishArgs(parsed)
    await preflight(args.pdf ? ['rust', 'chromium'] : ['rust'], { chromiumHint: 'the PDFs need it (`npm run publish -- --no-pdf` publishes without them)' })
    const root = fileURLToPath(new URL('..', import.meta.url))
    // Ctrl-C, SIGTERM, SIGHUP: the deck builds end with it, the staging folder goes.
    stopOnInterrupt(() => {
      for (const dir of stagingDirs)
        rmSync(dir, { recursive: true, force: true, maxRetries: 3 })
    }, 'publish: interrupted; the previous site is unchanged')
    try {
      const result = await publish({
        root,
        outDir: args.out ? resolve(args.out) : undefined,
        pdf: args.pdf,
        notes: args.notes,
        log: line => console.error(`publish: ${line}`),
      })
      console.error(`publish: ${result.decks.length} decks, ${result.pdfs.length} PDFs in ${result.outDir}`)
    }
    finally {
      if (!interrupted())
        console.error(`publish: total ${((performance.now() - started) / 1000).toFixed(1)} s`)
    }
  },
})

command.mainIfEntry(import.meta.url)
