/**
 * Readable from the back of the room: every slide of the nine topic decks
 * and the lesson, at its last click step, in light and dark, at 1280×720,
 * passes the legibility rule (`legibility.ts`): no text under 14 px, no code
 * more than half faded, no output line cut at a panel's edge, rustc's and
 * the code's syntax colours at 4.5:1, neutral body text in dark mode.
 *
 * A sample of slides is also compared with reference screenshots
 * (`tests/browser/legibility/*.png`), so a change that shrinks a diagram or
 * wraps a panel shows up even where the rule still passes.
 * `LESSON_UPDATE_SCREENSHOTS=1` writes the references afresh: look at them
 * before committing.
 *
 * Decks are read from `dist/<deck>/` as `npm run build` (a step of
 * `npm test`) leaves them, or from `LESSON_LEGIBILITY_SITE=<dir>`; a deck
 * missing there is built into a temporary directory first.
 * `LESSON_LEGIBILITY_DECKS=rc,mutex` walks only those decks.
 */
import type { Buffer } from 'node:buffer'
import type { Browser, Page } from 'playwright-core'
import type { StaticServer } from '../../scripts/lib/static-server.ts'
import type { Legibility } from './legibility.ts'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LESSON_ID, TOPIC_IDS } from '../../core/topics.ts'
import { launchChromium } from '../../scripts/lib/browser.ts'
import { findDeck, loadDecks } from '../../scripts/lib/decks.ts'
import { KIT_ROOT } from '../../scripts/lib/kit-copy.ts'
import { buildDeck } from '../../scripts/lib/slidev.ts'
import { serveStatic } from '../../scripts/lib/static-server.ts'
import { inspectLegibility, MIN_TEXT_PX, problems } from './legibility.ts'

const ALL = [...TOPIC_IDS, LESSON_ID]
const DECKS = process.env.LESSON_LEGIBILITY_DECKS?.split(',').filter(Boolean) ?? ALL
const SITE = resolve(KIT_ROOT, process.env.LESSON_LEGIBILITY_SITE ?? process.env.PUBLISHED_SITE ?? 'dist')
const UPDATE = process.env.LESSON_UPDATE_SCREENSHOTS === '1'
const REFERENCES = join(KIT_ROOT, 'tests', 'browser', 'legibility')

/**
 * The slides kept as references: the first slide of a deck showing a
 * selector, so slides added before it do not change which one is taken.
 */
const SAMPLES: { name: string, deck: string, selector: string }[] = [
  { name: 'rc-heap-handles', deck: 'rc', selector: '[data-handle="a.next"]' },
  { name: 'rwlock-timeline', deck: 'rwlock', selector: '.lock-timeline' },
  { name: 'mutex-timeline', deck: 'mutex', selector: '.lock-timeline' },
  { name: 'arc-graph', deck: 'arc', selector: '.rc-graph' },
  { name: 'generic-lifetimes-error', deck: 'generic-lifetimes', selector: '.terminal-error' },
  { name: 'box-dimmed-code', deck: 'box', selector: '.slidev-code-dishonored' },
]
/** A pixel differs when a channel moves more than this (antialiasing moves less). */
const PIXEL_THRESHOLD = 40
/** A screenshot matches when at most this share of its pixels differ. */
const MAX_DIFF_SHARE = 0.01

let out: string
let server: StaticServer
let browser: Browser
const totals = new Map<string, number>()
const files = new Map<string, string[]>()

beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), 'lesson-legibility-'))
  const decks = await loadDecks(KIT_ROOT)
  for (const deck of DECKS) {
    if (!ALL.includes(deck))
      throw new Error(`LESSON_LEGIBILITY_DECKS: no deck "${deck}" (decks: ${ALL.join(', ')})`)
    const built = join(SITE, deck)
    if (existsSync(join(built, 'index.html')))
      await symlink(built, join(out, deck))
    else await buildDeck(KIT_ROOT, deck, join(out, deck))
    const { shown } = findDeck(decks, deck)!
    totals.set(deck, shown.length)
    files.set(deck, shown.map(s => `${s.file}:${s.line}`))
  }
  server = await serveStatic(out, '/')
  browser = await launchChromium()
}, 1_800_000)

afterAll(async () => {
  await browser?.close()
  await server?.close()
  if (out)
    await rm(out, { recursive: true, force: true })
})

async function openDeck(deck: string, scheme: 'light' | 'dark'): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, colorScheme: scheme, reducedMotion: 'reduce' })
  const page = await context.newPage()
  await page.goto(`${server.url}${deck}/#/1`, { waitUntil: 'networkidle' })
  await page.evaluate('document.fonts.ready.then(() => true)')
  return page
}

/** Slide `no` at its last click step (as the PDF shows it): clicks past the end. */
async function showLast(page: Page, deck: string, no: number): Promise<void> {
  await page.evaluate(`location.hash = '#/${no}?clicks=999'`)
  await page.locator(`.slidev-page-${no} .slidev-layout`).first().waitFor({ timeout: 15_000 }).catch(() => {
    throw new Error(`${deck}: slide ${no} (${files.get(deck)![no - 1]}) does not show in the build; is ${join(SITE, deck)} older than slides/${deck}.md? (npm run build -- ${deck})`)
  })
  await page.evaluate('document.fonts.ready.then(() => true)')
  await page.waitForTimeout(80)
}

/** Share of pixels that differ between two PNGs of the same size, compared in the page. */
async function difference(page: Page, a: Buffer, b: Buffer): Promise<number> {
  return page.evaluate(async ([a, b, threshold]) => {
    const load = async (b64: string) => createImageBitmap(await (await fetch(`data:image/png;base64,${b64}`)).blob())
    const [x, y] = [await load(a), await load(b)]
    if (x.width !== y.width || x.height !== y.height)
      return 1
    const pixels = (img: ImageBitmap) => {
      const canvas = new OffscreenCanvas(img.width, img.height)
      const ctx = canvas.getContext('2d')!
      ctx.drawImage(img, 0, 0)
      return ctx.getImageData(0, 0, img.width, img.height).data
    }
    const [p, q] = [pixels(x), pixels(y)]
    let differ = 0
    for (let i = 0; i < p.length; i += 4) {
      if (Math.abs(p[i]! - q[i]!) > threshold || Math.abs(p[i + 1]! - q[i + 1]!) > threshold || Math.abs(p[i + 2]! - q[i + 2]!) > threshold)
        differ++
    }
    return differ / (p.length / 4)
  }, [a.toString('base64'), b.toString('base64'), PIXEL_THRESHOLD] as const)
}

const summary: string[] = []

describe('the legibility rule', () => {
  for (const deck of DECKS) {
    it(`holds on every slide of ${deck}, light and dark, at the last click step`, async () => {
      const found: string[] = []
      let smallest: Legibility['smallest'] = null
      const counts = { small: 0, faded: 0, wrapped: 0, ansi: 0, syntax: 0, coloured: 0, markers: 0 }
      const shots: string[] = []
      for (const scheme of ['light', 'dark'] as const) {
        const page = await openDeck(deck, scheme)
        try {
          expect(await page.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(scheme === 'dark')
          const taken = new Set<string>()
          for (let no = 1; no <= totals.get(deck)!; no++) {
            await showLast(page, deck, no)
            const m = await inspectLegibility(page, no)
            if (m.smallest && (!smallest || m.smallest.px < smallest.px))
              smallest = m.smallest
            for (const key of Object.keys(counts) as (keyof typeof counts)[])
              counts[key] += m[key].length
            for (const p of problems(m))
              found.push(`${deck} #${no} (${files.get(deck)![no - 1]}) ${scheme}: ${p}`)
            for (const sample of SAMPLES.filter(s => s.deck === deck && !taken.has(s.name))) {
              if (await page.locator(`.slidev-page-${no} ${sample.selector}`).count()) {
                taken.add(sample.name)
                shots.push(...await compareScreenshot(page, `${sample.name}-${scheme}`))
              }
            }
          }
          for (const sample of SAMPLES.filter(s => s.deck === deck && !taken.has(s.name)))
            shots.push(`${sample.name}: no slide of ${deck} shows ${sample.selector}`)
        }
        finally {
          await page.context().close()
        }
      }
      summary.push(`${deck}: ${totals.get(deck)} slides; smallest text ${smallest?.px ?? '-'} px; text < ${MIN_TEXT_PX} px ${counts.small}, faded code ${counts.faded}, panels cut at the edge ${counts.wrapped}, ANSI < 4.5:1 ${counts.ansi}, code colours < 4.5:1 ${counts.syntax}, coloured text ${counts.coloured}, region markers ${counts.markers}`)
      console.log(summary.at(-1))
      expect(found).toEqual([])
      expect(shots).toEqual([])
    }, 900_000)
  }
})

/** Compares the viewport with its reference PNG (or writes it); returns what differs. */
async function compareScreenshot(page: Page, name: string): Promise<string[]> {
  const shot = await page.screenshot()
  const file = join(REFERENCES, `${name}.png`)
  if (UPDATE) {
    await mkdir(REFERENCES, { recursive: true })
    await writeFile(file, shot)
    return []
  }
  if (!existsSync(file))
    return [`${name}: no reference screenshot ${file}; write it with LESSON_UPDATE_SCREENSHOTS=1 and look at it`]
  const share = await difference(page, await readFile(file), shot)
  if (share <= MAX_DIFF_SHARE)
    return []
  await writeFile(join(tmpdir(), `${name}.actual.png`), shot)
  return [`${name}: ${(share * 100).toFixed(1)}% of pixels differ from ${file} (now: ${join(tmpdir(), `${name}.actual.png`)}); if the change is meant, LESSON_UPDATE_SCREENSHOTS=1`]
}
