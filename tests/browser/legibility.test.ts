/**
 * Readable from the back of the room: every slide of the nine topic decks
 * and the lesson, at its last click step, in light and dark, at 1280×720,
 * passes the legibility rule (`legibility.ts`): no text under 14 px, no code
 * more than half faded, no output line cut at a panel's edge, rustc's and
 * the code's syntax colours at 4.5:1, neutral body text in dark mode; and
 * every glyph is drawn in a font the kit bundles, never one of the
 * machine's (`fonts.ts`), so the screenshots below do not depend on the
 * fonts installed.
 *
 * The lesson's slides imported from a topic deck are measured in the topic
 * deck; in the lesson each is compared with its topic slide as drawn
 * (`render-print.ts`) and measured again only if it is drawn otherwise.
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
import type { Browser, Page } from 'playwright-core'
import type { StaticServer } from '../../scripts/lib/static-server.ts'
import type { Legibility } from './legibility.ts'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildDeck } from '../../adapter/slidev/cli.ts'
import { LESSON_ID, TOPIC_IDS } from '../../core/topics.ts'
import { launchChromium } from '../../scripts/lib/browser.ts'
import { findDeck } from '../../scripts/lib/decks.ts'
import { KIT_ROOT } from '../../scripts/lib/kit-copy.ts'
import { deckSetOf, readLessonModel } from '../../scripts/lib/lesson-model.ts'
import { serveStatic } from '../../scripts/lib/static-server.ts'
import { formatSystemFonts, systemFonts } from './fonts.ts'
import { inspectLegibility, MIN_TEXT_PX, problems } from './legibility.ts'
import { firstDifference, renderPrint } from './render-print.ts'
import { difference, MAX_DIFF_SHARE } from './screenshot-diff.ts'

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
let out: string
let server: StaticServer
let browser: Browser
const totals = new Map<string, number>()
const files = new Map<string, string[]>()

beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), 'lesson-legibility-'))
  const decks = deckSetOf(readLessonModel(KIT_ROOT))
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

/**
 * The published decks carry the learner's bar above the slide (44 px,
 * `--learner-nav` in styles/learn.css); a projector shows the slide alone.
 * The window is that much taller, so the slide is drawn as projected at
 * 1280×720, and screenshots are of the slide's area only.
 */
const LEARNER_BAR_PX = 44
const PROJECTED = { width: 1280, height: 720 + LEARNER_BAR_PX }
const SLIDE_AREA = { x: 0, y: LEARNER_BAR_PX, width: 1280, height: 720 }

async function openDeck(deck: string, scheme: 'light' | 'dark'): Promise<Page> {
  const context = await browser.newContext({ viewport: PROJECTED, colorScheme: scheme, reducedMotion: 'reduce' })
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

const summary: string[] = []

/**
 * The lesson's slides that come from a topic deck (`src:`) are the topic
 * deck's slides drawn again. Each topic slide's drawing (`renderPrint`) is
 * kept, by scheme and source line; a lesson slide drawn exactly as its
 * topic slide is not measured a second time, and one drawn otherwise is
 * measured in the lesson as well.
 */
const topicPrints = { light: new Map<string, string>(), dark: new Map<string, string>() }
const imported = { light: 0, dark: 0 }
const redrawn = { light: [] as string[], dark: [] as string[] }

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
            const source = files.get(deck)![no - 1]!
            const print = await renderPrint(page, no)
            if (deck !== LESSON_ID && print !== null) {
              topicPrints[scheme].set(source, print)
            }
            else if (deck === LESSON_ID && topicPrints[scheme].has(source)) {
              // A slide the lesson imports from a topic deck walked above: the
              // rule and the fonts were measured there, on the same drawing.
              if (print === topicPrints[scheme].get(source)) {
                imported[scheme]++
                continue
              }
              redrawn[scheme].push(`#${no} (${source}): ${firstDifference(print ?? '', topicPrints[scheme].get(source)!)}`)
            }
            const m = await inspectLegibility(page, no)
            if (m.smallest && (!smallest || m.smallest.px < smallest.px))
              smallest = m.smallest
            for (const key of Object.keys(counts) as (keyof typeof counts)[])
              counts[key] += m[key].length
            for (const p of problems(m))
              found.push(`${deck} #${no} (${files.get(deck)![no - 1]}) ${scheme}: ${p}`)
            // The same glyphs in either scheme: asked once.
            if (scheme === 'light') {
              for (const p of formatSystemFonts(await systemFonts(page, `.slidev-page-${no} .slidev-layout`)))
                found.push(`${deck} #${no} (${files.get(deck)![no - 1]}): text in a system font, not one the kit bundles: ${p}`)
            }
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
      if (deck === LESSON_ID) {
        for (const scheme of ['light', 'dark'] as const) {
          console.log(`${deck} ${scheme}: ${imported[scheme]} slides drawn as in their topic deck, measured there; ${redrawn[scheme].length} imported slides drawn otherwise, measured here${redrawn[scheme].length ? `:\n  ${redrawn[scheme].join('\n  ')}` : ''}`)
        }
      }
      summary.push(`${deck}: ${totals.get(deck)} slides${deck === LESSON_ID ? ` (${imported.light}/${imported.dark} in light/dark drawn as in their topic deck and measured there)` : ''}; smallest text ${smallest?.px ?? '-'} px; text < ${MIN_TEXT_PX} px ${counts.small}, faded code ${counts.faded}, panels cut at the edge ${counts.wrapped}, ANSI < 4.5:1 ${counts.ansi}, code colours < 4.5:1 ${counts.syntax}, coloured text ${counts.coloured}, region markers ${counts.markers}`)
      console.log(summary.at(-1))
      expect(found).toEqual([])
      expect(shots).toEqual([])
    }, 900_000)
  }
})

describe('the screenshot tolerance', () => {
  const sample = SAMPLES.find(s => s.name === 'generic-lifetimes-error')!
  it.skipIf(!DECKS.includes(sample.deck) || UPDATE)('absorbs hinting and antialiasing, and catches text a little smaller or wider', async () => {
    // The slide: found once, by walking the deck.
    let slide = 0
    const shoot = async (b: Browser, style?: string) => {
      const context = await b.newContext({ viewport: PROJECTED, colorScheme: 'light', reducedMotion: 'reduce' })
      const page = await context.newPage()
      await page.goto(`${server.url}${sample.deck}/#/1`, { waitUntil: 'networkidle' })
      for (let no = slide || 1; no <= totals.get(sample.deck)!; no++) {
        await showLast(page, sample.deck, no)
        if (await page.locator(`.slidev-page-${no} ${sample.selector}`).count()) {
          slide = no
          break
        }
      }
      if (style)
        await page.addStyleTag({ content: style })
      await page.evaluate('document.fonts.ready.then(() => true)')
      await page.waitForTimeout(80)
      return { page, shot: await page.screenshot({ clip: SLIDE_AREA }) }
    }
    const reference = await readFile(join(REFERENCES, `${sample.name}-light.png`))
    const { page } = await shoot(browser)
    // The same slide drawn with other glyph positioning and hinting.
    const other = await launchChromium(['--disable-font-subpixel-positioning', '--font-render-hinting=full'])
    try {
      const { shot: hinted } = await shoot(other)
      expect(await difference(page, reference, hinted)).toBeLessThanOrEqual(MAX_DIFF_SHARE)
    }
    finally {
      await other.close()
    }
    for (const change of ['.terminal-body { font-size: 96% !important }', '.terminal-body { letter-spacing: 0.04em }']) {
      const { shot } = await shoot(browser, change)
      expect(await difference(page, reference, shot), change).toBeGreaterThan(MAX_DIFF_SHARE)
    }
    await page.context().close()
  }, 300_000)
})

/** Compares the viewport with its reference PNG (or writes it); returns what differs. */
async function compareScreenshot(page: Page, name: string): Promise<string[]> {
  const shot = await page.screenshot({ clip: SLIDE_AREA })
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
