/**
 * `npm run publish [-- --no-pdf] [-- --notes] [-- --out <dir>]`
 *
 * From a green check to the static lesson site: every deck in `dist/<id>/`,
 * the index page `dist/index.html`, the exercises and, with Chromium, one
 * PDF per deck in `dist/pdf/` with every click step on its own page. Speaker
 * notes stay out of the web decks unless `--notes` asks for them. The site
 * is built beside `dist/` and replaces it only when everything succeeded.
 * Progress goes to stderr, one line per deck and stage.
 */
import { rmSync } from 'node:fs'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { defineCommand } from './lib/command.ts'
import { preflight } from './lib/preflight.ts'
import { PUBLISH, publishArgs } from './lib/publish/args.ts'
import { publish, stagingDirs } from './lib/publish/pipeline.ts'

export const command = defineCommand({
  ...PUBLISH,
  async run(parsed) {
    const started = performance.now()
    const args = publishArgs(parsed)
    await preflight(args.pdf ? ['rust', 'chromium'] : ['rust'], { chromiumHint: 'the PDFs need it (`npm run publish -- --no-pdf` publishes without them)' })
    const root = fileURLToPath(new URL('..', import.meta.url))
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.on(signal, () => {
        for (const dir of stagingDirs)
          rmSync(dir, { recursive: true, force: true })
        console.error(`publish: interrupted; the previous site is unchanged`)
        process.exit(130)
      })
    }
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
      console.error(`publish: total ${((performance.now() - started) / 1000).toFixed(1)} s`)
    }
  },
})

command.mainIfEntry(import.meta.url)
