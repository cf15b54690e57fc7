import type { Browser } from 'playwright-core'
/**
 * What a learner's browser pays for a deck's first slide over a real link:
 * bytes on the wire (compressed, headers included, as Chromium counts them)
 * and the time from navigation to the first slide drawn with its fonts, on a
 * link throttled with Chromium's own network emulation. Shared by
 * `scripts/bench-shipped.ts` and its test.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { gzip } from 'node:zlib'
import { FIRST_SLIDE_DRAWN } from '../../adapter/slidev/dom.ts'

export interface LinkProfile {
  name: string
  /** Round trip added to each request, ms. */
  latencyMs: number
  /** Bytes per second, each way. */
  bytesPerSecond: number
}

/** 10 Mbit/s with 40 ms round trips; and Chromium DevTools' "Slow 3G" (400 kbit/s, 400 ms). */
export const LINKS: readonly LinkProfile[] = [
  { name: '10 Mbit/s, 40 ms', latencyMs: 40, bytesPerSecond: 10_000_000 / 8 },
  { name: 'slow 3G (400 kbit/s, 400 ms)', latencyMs: 400, bytesPerSecond: 400_000 / 8 },
]

/** Files a host compresses: text, never fonts, images or archives (already compressed). */
const COMPRESSIBLE = /\.(?:html|js|mjs|css|json|svg|webmanifest|txt|map)$/

/**
 * Writes `<file>.gz` beside every compressible file under `dir`, as a
 * static host serves them (`sirv` sends the `.gz` with
 * `Content-Encoding: gzip` to a browser that accepts it). Returns how many.
 */
export async function precompress(dir: string): Promise<number> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  const files = entries.filter(e => e.isFile() && COMPRESSIBLE.test(e.name)).map(e => join(e.parentPath, e.name))
  const squeeze = promisify(gzip)
  for (const file of files)
    await writeFile(`${file}.gz`, await squeeze(await readFile(file), { level: 9 }))
  return files.length
}

export interface WireLoad {
  /** Bytes received before the first slide was drawn (compressed, with headers). */
  bytes: number
  /** Navigation start to the first slide drawn with its fonts, ms. */
  ms: number
  /** Requests made before it. */
  requests: number
}

/** The first slide is drawn: its layout is there, not loading, and the fonts it uses are loaded. */
const DRAWN = FIRST_SLIDE_DRAWN

/**
 * Opens `url` in a fresh context (empty cache, no service worker yet) on
 * `link`, and measures the first slide. The moment is taken in the page, on
 * the first animation frame the slide is drawn in.
 */
export async function firstSlideOnWire(browser: Browser, url: string, link: LinkProfile): Promise<WireLoad> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } })
  try {
    await context.addInitScript(`(() => {
      const tick = () => {
        if (${DRAWN}) { window.__lessonFirstSlide = performance.now(); return }
        requestAnimationFrame(tick)
      }
      requestAnimationFrame(tick)
    })()`)
    const page = await context.newPage()
    const cdp = await context.newCDPSession(page)
    await cdp.send('Network.enable')
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: link.latencyMs,
      downloadThroughput: link.bytesPerSecond,
      uploadThroughput: link.bytesPerSecond,
    })
    // Per request: its start, its total once finished, and its chunks as they came (CDP's monotonic clock, in s).
    // A finished request counts its total (headers and body, as received); one still loading at the
    // first slide counts the chunks it had (a navigation reports its bytes only when finished).
    const requests = new Map<string, { sent: number, finished?: { at: number, bytes: number }, chunks: { at: number, bytes: number }[] }>()
    let navigation = Number.NaN
    cdp.on('Network.requestWillBeSent', (e: { requestId: string, timestamp: number, type?: string }) => {
      if (Number.isNaN(navigation))
        navigation = e.timestamp
      if (!requests.has(e.requestId))
        requests.set(e.requestId, { sent: e.timestamp, chunks: [] })
    })
    cdp.on('Network.dataReceived', (e: { requestId: string, timestamp: number, encodedDataLength: number }) => requests.get(e.requestId)?.chunks.push({ at: e.timestamp, bytes: e.encodedDataLength }))
    cdp.on('Network.loadingFinished', (e: { requestId: string, timestamp: number, encodedDataLength: number }) => {
      const r = requests.get(e.requestId)
      if (r)
        r.finished = { at: e.timestamp, bytes: e.encodedDataLength }
    })
    await page.goto(url, { waitUntil: 'commit', timeout: 120_000 })
    await page.waitForFunction('window.__lessonFirstSlide !== undefined', undefined, { polling: 50, timeout: 120_000 })
    const ms = await page.evaluate('window.__lessonFirstSlide') as number
    // The page's clock starts with the navigation: the document's request.
    const cutoff = navigation + ms / 1000
    let bytes = 0
    let count = 0
    for (const r of requests.values()) {
      if (r.sent > cutoff)
        continue
      count++
      bytes += r.finished && r.finished.at <= cutoff ? r.finished.bytes : r.chunks.filter(c => c.at <= cutoff).reduce((sum, c) => sum + c.bytes, 0)
    }
    return { bytes, ms, requests: count }
  }
  finally {
    await context.close()
  }
}
