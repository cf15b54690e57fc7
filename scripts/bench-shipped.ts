/**
 * `npx tsx scripts/bench-shipped.ts [--site <dir>] [--decks rc,lesson] [--runs 5]`
 *
 * The site learners get, served as a host serves it (gzip): each deck's
 * `<deck>/`, the chunked build hosted learners load, on a throttled
 * link (10 Mbit/s with 40 ms round trips, and slow 3G), against plain Slidev
 * decks of the same version and as many slides, built in the same run and
 * served the same way. For each deck and link: bytes on the wire before the
 * first slide is drawn, and the time to it, median of `--runs` fresh loads
 * (empty cache), and the ratios. Targets: at most 1.0× the plain deck's
 * bytes and 1.1× its time. Without `--site`, publishes one first (no PDFs).
 */
import { cp, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { LessonError } from '../core/errors.ts'
import { LESSON_ID } from '../core/topics.ts'
import { launchChromium } from './lib/browser.ts'
import { defineCommand } from './lib/command.ts'
import { findDeck } from './lib/decks.ts'
import { buildPlainDeck, kib, plainDeckOf } from './lib/first-slide.ts'
import { deckSetOf, readLessonModel } from './lib/lesson-model.ts'
import { run } from './lib/process.ts'
import { serveStatic } from './lib/static-server.ts'
import { median } from './lib/stats.ts'
import { firstSlideOnWire, LINKS, precompress } from './lib/wire.ts'

const root = fileURLToPath(new URL('..', import.meta.url))

/** At most this many times the plain deck's bytes, and its time. */
export const TARGETS = { bytes: 1.0, time: 1.1 }

export const command = defineCommand({
  name: 'bench-shipped',
  summary: 'bytes on the wire and time to the first slide of the published site, gzip-served on throttled links, against plain Slidev decks of the same length',
  usage: 'npx tsx scripts/bench-shipped.ts [--site <dir>] [--decks rc,lesson] [--runs 5]',
  options: {
    site: { type: 'string', value: 'dir', description: 'an already published site (`npm run publish -- --out <dir>`); default: publish one without PDFs' },
    decks: { type: 'string', value: 'ids', default: `rc,${LESSON_ID}`, description: `decks to measure, comma-separated (default rc,${LESSON_ID})` },
    runs: { type: 'string', value: 'n', default: '5', description: 'fresh loads per deck and link, for the median (default 5)' },
  },
  examples: ['npx tsx scripts/bench-shipped.ts', 'npx tsx scripts/bench-shipped.ts --site /tmp/site --decks rc --runs 3'],
  async run({ values }) {
    const runs = Number(values.runs)
    if (!Number.isInteger(runs) || runs < 1)
      throw new LessonError(`--runs takes a whole number of at least 1 (got ${values.runs})`)
    const all = deckSetOf(readLessonModel(root))
    const decks = values.decks!.split(',').map(d => d.trim()).filter(Boolean)
    const lengths = new Map<string, number>()
    for (const id of decks) {
      const d = findDeck(all, id)
      if (!d)
        throw new LessonError(`--decks: no deck \`${id}\` in slides/`)
      lengths.set(id, d.shown.length)
    }
    const temp = await mkdtemp(join(tmpdir(), 'bench-shipped-'))
    try {
      const site = join(temp, 'site')
      if (values.site) {
        await cp(resolve(values.site), site, { recursive: true })
      }
      else {
        console.error('bench-shipped: publishing the site (no PDFs)…')
        const published = await run(join(root, 'node_modules', '.bin', 'tsx'), ['scripts/publish.ts', '--no-pdf', '--out', site], { cwd: root })
        if (published.exitCode !== 0)
          throw new LessonError(`npm run publish failed (exit ${published.exitCode}):\n${published.stderr.split('\n').slice(-20).join('\n')}`)
      }
      for (const id of decks) {
        console.error(`bench-shipped: building a plain Slidev deck of ${lengths.get(id)} slides beside ${id}…`)
        await buildPlainDeck(root, join(temp, `plain-${id}`), plainDeckOf(lengths.get(id)!))
        await precompress(join(temp, `plain-${id}`))
      }
      await precompress(site)
      const browser = await launchChromium()
      const shipped = await serveStatic(site, '/', 0, { compressed: true })
      const plains = new Map(await Promise.all(decks.map(async id => [id, await serveStatic(join(temp, `plain-${id}`), '/', 0, { compressed: true })] as const)))
      const lines: string[] = []
      let met = true
      try {
        for (const id of decks) {
          for (const link of LINKS) {
            const ours = { bytes: [] as number[], ms: [] as number[] }
            const plain = { bytes: [] as number[], ms: [] as number[] }
            // Alternated, so a burst of load on the machine falls on both.
            for (let i = 0; i < runs; i++) {
              const a = await firstSlideOnWire(browser, `${shipped.url}${id}/#/1`, link)
              ours.bytes.push(a.bytes)
              ours.ms.push(a.ms)
              const b = await firstSlideOnWire(browser, `${plains.get(id)!.url}#/1`, link)
              plain.bytes.push(b.bytes)
              plain.ms.push(b.ms)
            }
            const [ob, pb, om, pm] = [median(ours.bytes), median(plain.bytes), median(ours.ms), median(plain.ms)]
            const [rb, rt] = [ob / pb, om / pm]
            const ok = rb <= TARGETS.bytes && rt <= TARGETS.time
            met &&= ok
            lines.push(`| ${id} (${lengths.get(id)} slides) | ${link.name} | ${kib(ob)} vs ${kib(pb)} (${rb.toFixed(2)}×) | ${om.toFixed(0)} vs ${pm.toFixed(0)} ms (${rt.toFixed(2)}×) | ${ok ? 'met' : 'MISSED'} |`)
            console.error(`bench-shipped: ${lines.at(-1)}`)
          }
        }
      }
      finally {
        await browser.close()
        await shipped.close()
        for (const p of plains.values())
          await p.close()
      }
      console.log(`First slide of the published site vs plain Slidev decks of the same length, gzip, median of ${runs} fresh loads:\n`)
      console.log('| deck | link | on the wire before slide 1 | time to slide 1 | target ≤ 1.0× bytes, ≤ 1.1× time |')
      console.log('| --- | --- | --- | --- | --- |')
      console.log(lines.join('\n'))
      return met ? 0 : 1
    }
    finally {
      await rm(temp, { recursive: true, force: true })
    }
  },
})

command.mainIfEntry(import.meta.url)
