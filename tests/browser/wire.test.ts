/**
 * The shipped-site benchmark's instrument (scripts/lib/wire.ts) on a page
 * whose sizes are known: bytes are counted as they cross the wire (the
 * gzip-compressed size when the host compresses, the whole file when it does
 * not), and the throttled link's round trips show in the time.
 */
import type { Browser } from 'playwright-core'
import type { StaticServer } from '../../scripts/lib/static-server.ts'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { launchChromium } from '../../scripts/lib/browser.ts'
import { serveStatic } from '../../scripts/lib/static-server.ts'
import { firstSlideOnWire, LINKS, precompress } from '../../scripts/lib/wire.ts'

let dir: string
let browser: Browser
let plain: StaticServer
let gzipped: StaticServer
/** The script's size on disk: 150 KB of very compressible text. */
const SCRIPT_BYTES = 150_000

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lesson-wire-'))
  const filler = `/* ${'slide '.repeat(SCRIPT_BYTES / 6).slice(0, SCRIPT_BYTES - 200)} */`
  await writeFile(join(dir, 'app.js'), `${filler}\nrequestAnimationFrame(() => { document.body.innerHTML = '<div class="slidev-page-1"><div class="slidev-layout">One</div></div>' })\n`)
  await writeFile(join(dir, 'index.html'), '<!doctype html><html><head><link rel="icon" href="data:,"><script src="./app.js" defer></script></head><body></body></html>\n')
  plain = await serveStatic(dir, '/')
  expect(await precompress(dir)).toBe(2)
  gzipped = await serveStatic(dir, '/', 0, { compressed: true })
  browser = await launchChromium()
}, 120_000)

afterAll(async () => {
  await browser?.close()
  await plain?.close()
  await gzipped?.close()
  await rm(dir, { recursive: true, force: true })
})

it('counts the whole file uncompressed, the gzip size compressed, and each link\'s round trips', async () => {
  const [fast, slow] = LINKS
  const raw = await firstSlideOnWire(browser, `${plain.url}#/1`, fast!)
  expect(raw.bytes).toBeGreaterThan(SCRIPT_BYTES)
  expect(raw.bytes).toBeLessThan(SCRIPT_BYTES + 4_000)
  expect(raw.requests).toBe(2)
  const squeezed = await firstSlideOnWire(browser, `${gzipped.url}#/1`, fast!)
  expect(squeezed.bytes).toBeLessThan(SCRIPT_BYTES / 20)
  // 150 KB at 10 Mbit/s is 120 ms of transfer alone.
  expect(raw.ms).toBeGreaterThan(120)
  // Slow 3G: at least two 400 ms round trips (the page, then its script).
  const slow3g = await firstSlideOnWire(browser, `${gzipped.url}#/1`, slow!)
  expect(slow3g.ms).toBeGreaterThan(800)
  // Uncompressed on slow 3G, 150 KB at 400 kbit/s is 3 s of transfer: the
  // link throttles bytes, so the compressed page arrives in well under half
  // that, whatever else the machine is doing (a comparison at 10 Mbit/s,
  // a few hundred milliseconds apart, is within a loaded machine's noise).
  const rawSlow = await firstSlideOnWire(browser, `${plain.url}#/1`, slow!)
  expect(rawSlow.ms).toBeGreaterThan(3_000)
  expect(slow3g.ms).toBeLessThan(rawSlow.ms / 2)
}, 120_000)
