/**
 * One walk of every slide, in one colour scheme: the nine topic decks, then
 * the lesson, each slide at its last click step (every step's content
 * shown, as the PDF prints it), at 1280×720 as projected, with reduced
 * motion asked for. On each slide it checks
 *
 * - the legibility rule (`legibility.ts`): no text under 14 px, no code more
 *   than half faded, no output line cut at a panel's edge, rustc's and the
 *   code's syntax colours at 4.5:1, neutral body text in dark mode, no text
 *   under the exercise link, no region marker shown;
 * - in light, that every glyph is drawn in a font the kit bundles, never one
 *   of the machine's (`fonts.ts`): the same glyphs in either scheme, so the
 *   screenshots do not depend on the fonts installed;
 * - axe-core: in light every WCAG 2 A/AA rule, in dark those whose verdict
 *   depends on colours (`COLOUR_RULES`: contrast), the document being the
 *   same in either scheme;
 * - text alternatives for diagrams (light: the document's), and no
 *   animation running although the reader asked for reduced motion
 *   (`../a11y/audit.ts`);
 * - a sample of slides against reference screenshots
 *   (`tests/browser/legibility/*.png`), so a change that shrinks a diagram or
 *   wraps a panel shows up even where the rule still passes.
 *
 * Every slide shown is also watched for what the page says went wrong: a
 * console error, an uncaught exception, a failed request or one answered
 * 400 or more, a request that leaves the site (served from a sub-path, as a
 * course platform would).
 *
 * The lesson's slides imported from a topic deck (`src:`) are the topic
 * deck's slides drawn again. In light, each is compared with its topic slide
 * as drawn (`render-print.ts`: every element's box, fonts and colours, so
 * within the canvas and with its animations at their end, as the topic
 * deck's walk over http found it) and measured and audited again only if it
 * is drawn otherwise: the one walk that shows every slide of the lesson. In dark, a walk
 * of its own, they are not shown again: the light walk has held them to
 * their topic slides, the document and its style sheet are the same in
 * either scheme, and the lesson's own slides, which would show a style the
 * lesson sets for dark alone, are measured and audited there.
 *
 * `slides-light.test.ts` and `slides-dark.test.ts` each walk one scheme, so
 * `npm test` runs them side by side. Each checks the exemptions of its scope
 * (`../a11y/exemptions.ts`): a finding not exempted fails, and so does an
 * exemption that matched nothing in a whole walk.
 *
 * Decks are read from the site `PUBLISHED_SITE` names (`npm test` sets it),
 * else from `dist/<deck>/` as `npm run build` leaves them, or from
 * `LESSON_SLIDES_SITE=<dir>`; a deck missing there is built into a
 * temporary directory first. `LESSON_SLIDES_DECKS=rc,mutex` walks only those
 * decks. `LESSON_UPDATE_SCREENSHOTS=1` writes the reference screenshots
 * afresh: look at them before committing.
 */
import type { Browser, Page } from 'playwright-core'
import type { StaticServer } from '../../scripts/lib/static-server.ts'
import type { Finding } from '../a11y/audit.ts'
import type { AuditScope } from '../a11y/exemptions.ts'
import type { Legibility } from './legibility.ts'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildDeck } from '../../adapter/slidev/cli.ts'
import { LESSON_ID, TOPIC_IDS } from '../../core/topics.ts'
import { drawn, launchChromium } from '../../scripts/lib/browser.ts'
import { findDeck } from '../../scripts/lib/decks.ts'
import { KIT_ROOT } from '../../scripts/lib/kit-copy.ts'
import { deckSetOf, readLessonModel } from '../../scripts/lib/lesson-model.ts'
import { serveStatic } from '../../scripts/lib/static-server.ts'
import { audit, COLOUR_RULES, describeFindings, runningAnimations, unnamedDiagrams } from '../a11y/audit.ts'
import { staleExemptions, unexempted } from '../a11y/exemptions.ts'
import { watchPage } from '../publish/page-watch.ts'
import { formatSystemFonts, systemFonts } from './fonts.ts'
import { inspectLegibility, MIN_TEXT_PX, problems } from './legibility.ts'
import { firstDifference, renderPrint } from './render-print.ts'
import { difference, MAX_DIFF_SHARE } from './screenshot-diff.ts'

export type Scheme = 'light' | 'dark'

const ALL = [...TOPIC_IDS, LESSON_ID]
const DECKS = process.env.LESSON_SLIDES_DECKS?.split(',').filter(Boolean) ?? ALL
const SITE = resolve(KIT_ROOT, process.env.LESSON_SLIDES_SITE ?? process.env.PUBLISHED_SITE ?? 'dist')
const UPDATE = process.env.LESSON_UPDATE_SCREENSHOTS === '1'
const REFERENCES = join(KIT_ROOT, 'tests', 'browser', 'legibility')
/** The site is served from a sub-path, as a course platform would (as `tests/publish/site.test.ts` serves it). */
const BASE = '/courses/rust/'

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

/**
 * The published decks carry the learner's bar above the slide (44 px,
 * `--learner-nav` in styles/learn.css); a projector shows the slide alone.
 * The window is that much taller, so the slide is drawn as projected at
 * 1280×720, and screenshots are of the slide's area only.
 */
const LEARNER_BAR_PX = 44
const PROJECTED = { width: 1280, height: 720 + LEARNER_BAR_PX }
const SLIDE_AREA = { x: 0, y: LEARNER_BAR_PX, width: 1280, height: 720 }

/**
 * Slidev mounts every slide of a deck, hidden, 3 s after it loads
 * (`setTimeout(() => slides.forEach(preload), 3000)` in its SlidesShow).
 * axe and the font check read the whole document whatever part of it they
 * look at (26 000 elements in the lesson with every slide mounted: 5–8 s an
 * audit instead of 0.1–0.3 s), so on the walk's pages that timer is not
 * set: a page holds the slides walked since it loaded, and one holding more
 * than `MAX_MOUNTED` is loaded afresh before a slide is measured. Should the
 * pattern stop matching a later Slidev, that reload still bounds the cost.
 */
export const NO_PRELOAD_ALL = `(() => {
  const set = window.setTimeout
  window.setTimeout = function (fn, ms, ...rest) {
    if (ms === 3000 && typeof fn === 'function' && /^\\(\\)\\s*=>\\s*\\{?\\s*\\w+\\.forEach\\(\\w+\\);?\\s*\\}?$/.test(String(fn)))
      return 0
    return set.call(window, fn, ms, ...rest)
  }
})()`
/**
 * Slides a walked page may hold before it is loaded afresh: a topic deck
 * (23–30 slides) is walked in one or two loads. Measured on four topic decks
 * in dark: 8 gave 14 loads and 33.3 s, 24 gave 3 loads and 31.3 s; a load
 * costs more than axe reading a few more hidden slides.
 */
const MAX_MOUNTED = 24

/**
 * Waits for slide `no` to be drawn: its layout mounted and no part of it
 * still loading (a slide's code is a chunk of its own), the fonts loaded,
 * then two animation frames, so styles and layout have been applied and
 * painted. Under reduced motion the kit's CSS cuts every transition to
 * 0.01 ms, so no fixed delay is needed for click steps to settle.
 */
async function settle(page: Page, deck: string, no: number, source: string, draw = true): Promise<void> {
  await page.locator(`.slidev-page-${no} .slidev-layout`).first().waitFor({ timeout: 15_000 }).catch(() => {
    throw new Error(`${deck}: slide ${no} (${source}) does not show in the build; is ${join(SITE, deck)} older than slides/${deck}.md? (npm run build -- ${deck})`)
  })
  await page.waitForFunction(n => !document.querySelector(`.slidev-page-${n} .slidev-slide-loading`), no, { timeout: 30_000 })
  if (draw)
    await drawn(page)
}

/**
 * Slide `no` at its last click step (as the PDF shows it): clicks past the
 * end, moved to by the deck's router; once drawn, or (`draw` false) as soon
 * as it is mounted and loaded.
 */
async function showLast(page: Page, deck: string, no: number, source: string, draw = true): Promise<void> {
  await page.evaluate(`location.hash = '#/${no}?clicks=999'`)
  await settle(page, deck, no, source, draw)
}

/** Loads the page afresh at the slide it shows when it holds more than `MAX_MOUNTED` slides. */
async function keepSmall(page: Page, deck: string, no: number, source: string): Promise<boolean> {
  if (await page.locator('.slidev-layout').count() <= MAX_MOUNTED)
    return false
  await page.reload({ waitUntil: 'load' })
  await settle(page, deck, no, source)
  return true
}

/** Compares the slide's area with its reference PNG (or writes it); returns what differs. */
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

/** Registers the walk of every slide in `scheme`, the screenshot tolerance (light) and the exemption check. */
export function walkSlides(scheme: Scheme): void {
  const scope: AuditScope = `slides ${scheme}`
  let out: string
  let server: StaticServer
  let browser: Browser
  const totals = new Map<string, number>()
  const files = new Map<string, string[]>()
  /** The source files of the topic decks walked. */
  const topicFiles = new Set<string>()

  beforeAll(async () => {
    out = await mkdtemp(join(tmpdir(), `lesson-slides-${scheme}-`))
    const decks = deckSetOf(readLessonModel(KIT_ROOT))
    for (const deck of DECKS) {
      if (!ALL.includes(deck))
        throw new Error(`LESSON_SLIDES_DECKS: no deck "${deck}" (decks: ${ALL.join(', ')})`)
      const built = join(SITE, deck)
      if (existsSync(join(built, 'index.html')))
        await symlink(built, join(out, deck))
      else await buildDeck(KIT_ROOT, deck, join(out, deck))
      const { shown, source } = findDeck(decks, deck)!
      totals.set(deck, shown.length)
      files.set(deck, shown.map(s => `${s.file}:${s.line}`))
      if (deck !== LESSON_ID)
        topicFiles.add(source.file)
    }
    // What a published deck asks of the site around it (the service worker, the manifest, the fonts it shares): as published.
    if (existsSync(SITE)) {
      for (const entry of await readdir(SITE)) {
        if (!existsSync(join(out, entry)) && !ALL.includes(entry))
          await symlink(join(SITE, entry), join(out, entry))
      }
    }
    server = await serveStatic(out, BASE)
    browser = await launchChromium()
  }, 1_800_000)

  afterAll(async () => {
    await browser?.close()
    await server?.close()
    if (out)
      await rm(out, { recursive: true, force: true })
  })

  /**
   * A page of its own showing slide `no` of `deck` at its last click step,
   * once drawn (a hash set before the deck's router started could be lost).
   */
  async function openDeck(b: Browser, deck: string, no = 1, heard: string[] = []): Promise<Page> {
    // No service worker: it would copy each deck's files for offline use while the slides are measured (the offline copy has tests of its own).
    const context = await b.newContext({ viewport: PROJECTED, colorScheme: scheme, reducedMotion: 'reduce', serviceWorkers: 'block' })
    await context.addInitScript(NO_PRELOAD_ALL)
    const page = await context.newPage()
    watchPage(page, server.url, heard, () => `${deck} ${new URL(page.url()).hash}`)
    await page.goto(`${server.url}${deck}/#/${no}?clicks=999`, { waitUntil: 'load' })
    await settle(page, deck, no, files.get(deck)![no - 1]!)
    return page
  }

  /**
   * Each topic slide's drawing in light (`renderPrint`), by source line, as
   * measured; a lesson slide drawn exactly so is not measured a second time.
   */
  const topicPrints = new Map<string, string>()
  let imported = 0
  const redrawn: string[] = []
  /** Indexes of the exemptions that matched a finding. */
  const used = new Set<number>()

  describe(`every slide in ${scheme} mode`, () => {
    for (const deck of DECKS) {
      it(`${deck}: at its last click step, legible${scheme === 'light' ? ' in the kit\'s fonts' : ''}, passing axe${scheme === 'dark' ? '\'s colour rules' : ', with text alternatives'} and no motion, without a console error or a request off the site`, async () => {
        const found: string[] = []
        const findings: Finding[] = []
        const shots: string[] = []
        let smallest: Legibility['smallest'] = null
        const counts = { small: 0, faded: 0, wrapped: 0, ansi: 0, syntax: 0, coloured: 0, covered: 0, markers: 0 }
        let measured = 0
        let reloads = 0
        const heard: string[] = []
        const page = await openDeck(browser, deck, 1, heard)
        try {
          expect(await page.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(scheme === 'dark')
          const taken = new Set<string>()
          for (let no = 1; no <= totals.get(deck)!; no++) {
            const source = files.get(deck)![no - 1]!
            const where = `${deck} #${no} (${source}) ${scheme}`
            if (deck === LESSON_ID && scheme === 'dark' && topicFiles.has(source.replace(/:\d+$/, ''))) {
              // Held to its topic slide by the light walk; measured in dark there.
              imported++
              continue
            }
            const expected = deck === LESSON_ID ? topicPrints.get(source) : undefined
            if (expected !== undefined) {
              // A slide the lesson imports from a topic deck walked above:
              // measured and audited there, if drawn the same. Its drawing is
              // read as soon as it is mounted, and again once drawn if it differs.
              await showLast(page, deck, no, source, false)
              let print = await renderPrint(page, no)
              if (print !== expected) {
                await drawn(page)
                print = await renderPrint(page, no)
              }
              if (print === expected) {
                imported++
                continue
              }
              redrawn.push(`#${no} (${source}): ${firstDifference(print ?? '', expected)}`)
            }
            else {
              await showLast(page, deck, no, source)
            }
            if (await keepSmall(page, deck, no, source))
              reloads++
            if (deck !== LESSON_ID && scheme === 'light') {
              const print = await renderPrint(page, no)
              if (print !== null)
                topicPrints.set(source, print)
            }
            measured++
            const slide = `.slidev-page-${no}`
            const m = await inspectLegibility(page, no)
            if (m.smallest && (!smallest || m.smallest.px < smallest.px))
              smallest = m.smallest
            for (const key of Object.keys(counts) as (keyof typeof counts)[])
              counts[key] += m[key].length
            for (const p of problems(m))
              found.push(`${where}: ${p}`)
            // The same glyphs in either scheme: asked once.
            if (scheme === 'light') {
              for (const p of formatSystemFonts(await systemFonts(page, `${slide} .slidev-layout`)))
                found.push(`${where}: text in a system font, not one the kit bundles: ${p}`)
            }
            // The document is the same in either scheme; only colours change.
            findings.push(...await audit(page, where, slide, scheme === 'dark' ? COLOUR_RULES : undefined))
            if (scheme === 'light')
              findings.push(...await unnamedDiagrams(page, slide, where))
            findings.push(...await runningAnimations(page, where))
            for (const sample of SAMPLES.filter(s => s.deck === deck && !taken.has(s.name))) {
              if (await page.locator(`${slide} ${sample.selector}`).count()) {
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
        if (deck === LESSON_ID) {
          console.log(scheme === 'dark'
            ? `${deck} ${scheme}: ${imported} slides imported from topic decks walked above, measured there`
            : `${deck} ${scheme}: ${imported} slides drawn as in their topic deck, measured there; ${redrawn.length} imported slides drawn otherwise, measured here${redrawn.length ? `:\n  ${redrawn.join('\n  ')}` : ''}`)
        }
        console.log(`${deck} ${scheme}: ${totals.get(deck)} slides, ${measured} measured and audited (${reloads} pages loaded afresh); smallest text ${smallest?.px ?? '-'} px; text < ${MIN_TEXT_PX} px ${counts.small}, faded code ${counts.faded}, panels cut at the edge ${counts.wrapped}, ANSI < 4.5:1 ${counts.ansi}, code colours < 4.5:1 ${counts.syntax}, coloured text ${counts.coloured}, text under the exercise link ${counts.covered}, region markers ${counts.markers}; axe and the other accessibility checks: ${findings.length} findings`)
        // Soft: a slide that fails several checks shows every failure.
        expect.soft(found, 'the legibility rule and the fonts').toEqual([])
        expect.soft(describeFindings(unexempted(findings, scope, used)), 'accessibility (axe WCAG 2 A/AA, text alternatives, reduced motion)').toBe('')
        expect.soft(shots, 'reference screenshots').toEqual([])
        expect.soft(heard, 'console errors and requests (every slide shown, at the site\'s sub-path)').toEqual([])
      }, 900_000)
    }
  })

  if (scheme === 'light') {
    describe('the screenshot tolerance', () => {
      const sample = SAMPLES.find(s => s.name === 'generic-lifetimes-error')!
      it.skipIf(!DECKS.includes(sample.deck) || UPDATE)('absorbs hinting and antialiasing, and catches text a little smaller or wider', async () => {
        // The slide: found once, by walking the deck.
        let slide = 0
        const shoot = async (b: Browser, style?: string) => {
          const page = await openDeck(b, sample.deck, slide || 1)
          for (let no = slide || 1; no <= totals.get(sample.deck)!; no++) {
            await showLast(page, sample.deck, no, files.get(sample.deck)![no - 1]!)
            if (await page.locator(`.slidev-page-${no} ${sample.selector}`).count()) {
              slide = no
              break
            }
          }
          if (style) {
            await page.addStyleTag({ content: style })
            await settle(page, sample.deck, slide, files.get(sample.deck)![slide - 1]!)
          }
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
          const { page: changed, shot } = await shoot(browser, change)
          expect(await difference(page, reference, shot), change).toBeGreaterThan(MAX_DIFF_SHARE)
          await changed.context().close()
        }
        await page.context().close()
      }, 300_000)
    })
  }

  describe('the exemption list', () => {
    // Runs last, and only after a walk of every deck: a fixed problem must
    // leave the list, so it stays fixed.
    it.skipIf(DECKS.length !== ALL.length)(`holds only exemptions still needed in ${scheme} mode`, () => {
      expect(staleExemptions(scope, used)).toEqual([])
    })
  })
}
