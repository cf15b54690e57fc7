/**
 * `npx tsx scripts/bench-publish.ts [--site <dir>] [--runs N]`
 *
 * Measures what the publish promises on this machine, in one run:
 *   - `npm run publish -- --no-pdf` (the check, every deck built once, each
 *     deck's single file, the index, exercises, archive and service worker)
 *     against a target of 60 s, and the full publish (every PDF too)
 *     against 120 s, each into a temporary directory so dist/ is left alone;
 *   - the floor they stand on, measured in the same run: every deck built
 *     with a plain `slidev build`, one after another (what the publish
 *     cannot do without), with the ratio of each publish to it;
 *   - for the first slide of the whole-lesson deck, served on loopback from
 *     a sub-path and opened in headless Chromium with an empty cache: the
 *     time until the slide has rendered (target ≤ 1.5 s), and the bytes of
 *     JavaScript loaded for it.
 * `--site <dir>` skips the publishes and measures an already published site.
 * The load average is printed too: the machine is shared, and figures taken
 * on a busy one say so.
 */
import type { Page } from 'playwright-core'
import { mkdtemp, rm } from 'node:fs/promises'
import { loadavg, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildDeck, deckIds } from '../adapter/slidev/cli.ts'
import { FIRST_SLIDE_DRAWN } from '../adapter/slidev/dom.ts'
import { LessonError } from '../core/errors.ts'
import { LESSON_ID } from '../core/topics.ts'
import { launchChromium } from './lib/browser.ts'
import { defineCommand } from './lib/command.ts'
import { publish } from './lib/publish/pipeline.ts'
import { serveStatic } from './lib/static-server.ts'
import { median } from './lib/stats.ts'

/** Targets on 2 cores: without PDFs, and with them. */
const PUBLISH_TARGET_S = { site: 60, pdf: 120 }
const RENDER_TARGET_MS = 1500

const load = () => loadavg().map(l => l.toFixed(1)).join(' ')

/** Opens the first slide with an empty cache; returns ms to a rendered slide and the JS bytes fetched. */
async function firstSlide(page: Page, url: string): Promise<{ ms: number, jsBytes: number, jsFiles: number }> {
  const bodies: Promise<number>[] = []
  page.on('response', (r) => {
    if (r.request().resourceType() === 'script')
      bodies.push(r.body().then(b => b.length, () => 0))
  })
  const started = performance.now()
  await page.goto(url, { waitUntil: 'commit' })
  await page.waitForFunction(FIRST_SLIDE_DRAWN, undefined, { polling: 'raf', timeout: 60_000 })
  const ms = performance.now() - started
  await page.waitForLoadState('networkidle')
  const sizes = await Promise.all(bodies)
  return { ms, jsBytes: sizes.reduce((a, b) => a + b, 0), jsFiles: sizes.length }
}

async function main(options: { runs: string, site: string | undefined }): Promise<void> {
  const root = fileURLToPath(new URL('..', import.meta.url))
  const runs = Number(options.runs)
  if (!Number.isInteger(runs) || runs < 1)
    throw new LessonError(`--runs must be a positive whole number, not ${options.runs}`)
  const given = options.site
  let site = given ? resolve(given) : ''
  let temp: string | null = null
  try {
    if (!given) {
      temp = await mkdtemp(join(tmpdir(), 'bench-publish-'))
      // The floor: each deck built by Slidev alone, one after another.
      console.error(`bench: every deck with a plain slidev build (load average ${load()})`)
      const ids = await deckIds(root)
      let t = performance.now()
      for (const id of ids)
        await buildDeck(root, id, join(temp, 'plain', id))
      const floor = (performance.now() - t) / 1000
      console.log(`plain slidev build of the ${ids.length} decks, one after another: ${floor.toFixed(1)} s (load average after: ${load()})`)
      for (const pdf of [false, true]) {
        site = join(temp, pdf ? 'site' : 'site-no-pdf')
        console.error(`bench: publishing ${pdf ? 'with' : 'without'} PDFs into ${site} (load average ${load()})`)
        t = performance.now()
        const result = await publish({ root, outDir: site, pdf, log: line => console.error(`publish: ${line}`) })
        const s = (performance.now() - t) / 1000
        const target = pdf ? PUBLISH_TARGET_S.pdf : PUBLISH_TARGET_S.site
        console.log(`npm run publish${pdf ? '' : ' -- --no-pdf'}: ${s.toFixed(1)} s for ${result.decks.length} decks and ${result.pdfs.length + result.clickPdfs.length} PDFs, ${(s / floor).toFixed(2)}× the plain builds (target ≤ ${target} s: ${s <= target ? 'met' : 'MISSED'}; load average after: ${load()})`)
      }
    }
    const server = await serveStatic(site, '/courses/rust/')
    const browser = await launchChromium()
    try {
      const url = `${server.url}${LESSON_ID}/#/1`
      const results = []
      for (let i = 0; i < runs; i++) {
        // A new context each time: an empty cache, as a learner's first visit.
        const context = await browser.newContext({ viewport: { width: 1280, height: 720 } })
        results.push(await firstSlide(await context.newPage(), url))
        await context.close()
      }
      const ms = median(results.map(r => r.ms))
      console.log(`first slide of ${LESSON_ID}: ${ms.toFixed(0)} ms median of ${runs} cold loads (${results.map(r => r.ms.toFixed(0)).join(', ')} ms; target ≤ ${RENDER_TARGET_MS} ms: ${ms <= RENDER_TARGET_MS ? 'met' : 'MISSED'})`)
      const js = results[0]!
      console.log(`JavaScript loaded for it: ${(js.jsBytes / 1024).toFixed(0)} KiB in ${js.jsFiles} files (uncompressed, as the static server sends it)`)
      console.log(`load average: ${load()} on ${(await import('node:os')).availableParallelism()} cores`)
    }
    finally {
      await browser.close()
      await server.close()
    }
  }
  finally {
    if (temp)
      await rm(temp, { recursive: true, force: true })
  }
}

export const command = defineCommand({
  name: 'bench-publish',
  summary: 'times the publish without and with PDFs (into a temporary directory) against plain Slidev builds of the same decks, and the first slide of the lesson deck in headless Chromium',
  usage: 'npx tsx scripts/bench-publish.ts [--site <dir>] [--runs 5]',
  options: {
    site: { type: 'string', value: 'dir', description: 'measure this published site instead of publishing one' },
    runs: { type: 'string', value: 'n', default: '5', description: 'cold loads of the first slide (default 5)' },
  },
  examples: ['npx tsx scripts/bench-publish.ts --site dist --runs 3'],
  run: ({ values }) => main(values),
})

command.mainIfEntry(import.meta.url)
