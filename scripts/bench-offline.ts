/**
 * `npx tsx scripts/bench-offline.ts <deck dir> [<deck dir> …] [--runs 5]`
 *
 * Times the first slide of built decks in headless Chromium, opened from
 * `file://` (network off) and served from loopback, and sums the bytes the
 * browser had to read. Give it a single-file deck (what `npm run publish`
 * writes) and, to compare, a deck from `npm run build`.
 */
import type { Browser } from 'playwright-core'
import { readdirSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { launchChromium } from './lib/browser.ts'
import { serveStatic } from './lib/static-server.ts'

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

async function main(argv: string[]): Promise<void> {
  const runsAt = argv.indexOf('--runs')
  const runs = runsAt >= 0 ? Number(argv[runsAt + 1]) : 5
  const dirs = argv.filter((a, i) => !a.startsWith('--') && (runsAt < 0 || i !== runsAt + 1)).map(d => resolve(d))
  const browser = await launchChromium()
  try {
    for (const dir of dirs) {
      const server = await serveStatic(dir, '/deck/')
      const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
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
}

main(process.argv.slice(2)).catch((error) => {
  console.error(error)
  process.exit(1)
})
