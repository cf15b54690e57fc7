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
const DRAWN = `(() => {
  const layout = document.querySelector('.slidev-page-1 .slidev-layout')
  return !!layout && !document.querySelector('.slidev-page-1 .slidev-slide-loading') && document.fonts.status === 'loaded'
})()`

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
    // Every arrival with its time (CDP's monotonic clock, in s); counted up to the drawn frame afterwards.
    const arrivals: { at: number, bytes: number }[] = []
    const sent: number[] = []
    cdp.on('Network.requestWillBeSent', (e: { timestamp: number }) => sent.push(e.timestamp))
    cdp.on('Network.responseReceived', (e: { timestamp: number, response: { encodedDataLength?: number } }) => {
      // The response's headers, before its body's chunks.
      arrivals.push({ at: e.timestamp, bytes: e.response.encodedDataLength ?? 0 })
    })
    cdp.on('Network.dataReceived', (e: { timestamp: number, encodedDataLength: number }) => arrivals.push({ at: e.timestamp, bytes: e.encodedDataLength }))
    await page.goto(url, { waitUntil: 'commit', timeout: 120_000 })
    await page.waitForFunction('window.__lessonFirstSlide !== undefined', undefined, { polling: 50, timeout: 120_000 })
    const ms = await page.evaluate('window.__lessonFirstSlide') as number
    // The page's clock starts with the navigation: the document's request.
    const cutoff = sent[0]! + ms / 1000
    const bytes = arrivals.filter(a => a.at <= cutoff).reduce((sum, a) => sum + a.bytes, 0)
    const requests = sent.filter(t => t <= cutoff).length
    return { bytes, ms, requests }
  }
  finally {
    await context.close()
  }
}
