/**
 * `npx tsx scripts/bench-offline.ts <deck dir> [<deck dir> …] [--runs 5]`
 *
 * Times the first slide of built decks in headless Chromium, opened from
 * `file://` (network off) and served from loopback, and sums the bytes the
 * browser had to read. Give it a published deck (`npm run publish`: from
 * `file://` its `index.html` goes to `offline.html`, the deck in one file;
 * served, it is the chunked build) and, to compare, a deck from
 * `npm run build`.
 */
import type { Browser } from 'playwright-core'
import { readdirSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { LessonError } from '../core/errors.ts'
import { launchChromium } from './lib/browser.ts'
import { defineCommand } from './lib/command.ts'
import { serveStatic } from './lib/static-server.ts'
import { median } from './lib/stats.ts'

function dirBytes(dir: string): number {
  let sum = 0
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile())
      sum += statSync(join(entry.parentPath, entry.name)).size
  }
  return sum
}

/** Milliseconds from navigation to the first slide's layout on screen, and bytes read. */
async function firstSlide(browser: Browser, url: string, offline: boolean): Promise<{ ms: number, bytes: number, ok: boolean }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } })
  if (offline)
    await context.setOffline(true)
  const page = await context.newPage()
  const sizes: Promise<number>[] = []
  page.on('response', r => sizes.push(r.body().then(b => b.length, () => 0)))
  const t = performance.now()
  await page.goto(url)
  const ok = await page.locator('.slidev-page-1 .slidev-layout').waitFor({ timeout: 30_000 }).then(() => true, () => false)
  const ms = performance.now() - t
  const bytes = (await Promise.all(sizes)).reduce((a, b) => a + b, 0)
  await context.close()
  return { ms, bytes, ok }
}

export const command = defineCommand({
  name: 'bench-offline',
  summary: 'times the first slide of built decks opened from file:// (network off) and served from loopback, and the bytes read',
  usage: 'npx tsx scripts/bench-offline.ts <deck dir> [<deck dir> ...] [--runs 5]',
  options: {
    runs: { type: 'string', value: 'n', default: '5', description: 'times each deck is opened each way (default 5)' },
  },
  positionals: [{ name: 'deck dir', description: 'a built deck: a single-file one from `npm run publish`, and to compare one from `npm run build`', multiple: true }],
  examples: ['npx tsx scripts/bench-offline.ts site/rc dist/rc --runs 3'],
  async run({ values, positionals }) {
    const runs = Number(values.runs)
    if (!(runs >= 1))
      throw new LessonError(`--runs takes a whole number of at least 1 (got ${values.runs})`)
    if (positionals.length === 0)
      throw new LessonError('give at least one built deck folder')
    const browser = await launchChromium()
    try {
      for (const dir of positionals.map(d => resolve(d))) {
        const server = await serveStatic(dir, '/deck/')
        const file: number[] = []
        const served: number[] = []
        let fileOk = true
        let servedBytes = 0
        for (let i = 0; i < runs; i++) {
          const f = await firstSlide(browser, `${pathToFileURL(join(dir, 'index.html')).href}#/1`, true)
          fileOk &&= f.ok
          file.push(f.ms)
          const s = await firstSlide(browser, `${server.url}#/1`, false)
          served.push(s.ms)
          servedBytes = s.bytes
        }
        await server.close()
        console.log(`${dir}: ${(dirBytes(dir) / 1024).toFixed(0)} KiB on disk; served: ${(servedBytes / 1024).toFixed(0)} KiB read, first slide ${median(served).toFixed(0)} ms; file:// (offline): ${fileOk ? `first slide ${median(file).toFixed(0)} ms` : 'BLANK'} (median of ${runs})`)
      }
    }
    finally {
      await browser.close()
    }
  },
})

command.mainIfEntry(import.meta.url)
