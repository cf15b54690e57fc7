/**
 * One topic, followed alone on the published deck, end to end: on a phone
 * held upright (390×844, touch) by tapping the slide, and on a laptop
 * (1280×720) with the → key. At every step:
 *
 * - on the phone, every piece of text on screen (the slide, its
 *   explanation, the strip) is at least 14 CSS px as rendered, and every
 *   control is at least 44 px tall and wide (links inside running text
 *   excepted, as WCAG 2.5.8 excepts them);
 * - every slide that has a learner's text shows it (the phone under the
 *   slide, the laptop in the panel once opened);
 * - the way around is there: the lesson index, the next topic, the keys on
 *   the first slide.
 *
 * The deck is read from the site `PUBLISHED_SITE` names (`npm test`
 * publishes one for the run), else from `dist/rc/` as `npm run build -- rc`
 * or `npm run publish` leaves it, or built into a temporary directory when
 * it is in neither.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core'
import type { StaticServer } from '../../scripts/lib/static-server.ts'
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildDeck } from '../../adapter/slidev/cli.ts'
import { launchChromium } from '../../scripts/lib/browser.ts'
import { KIT_ROOT } from '../../scripts/lib/kit-copy.ts'
import { modelDeck, readLessonModel } from '../../scripts/lib/lesson-model.ts'
import { serveStatic } from '../../scripts/lib/static-server.ts'
import { goesOn } from '../publish/deck-walker.ts'

const DECK = 'rc'
const MIN_TEXT_PX = 14
const MIN_TARGET_PX = 44

let out: string | null = null
let server: StaticServer
let browser: Browser
/** 1-based slide numbers whose learner's text is not `none`, and the slide count. */
let withText: Set<number>
let slideCount: number

beforeAll(async () => {
  const published = process.env.PUBLISHED_SITE && resolve(process.env.PUBLISHED_SITE, DECK)
  let dir = published && existsSync(join(published, 'index.html')) ? published : join(KIT_ROOT, 'dist', DECK)
  if (!existsSync(join(dir, 'index.html'))) {
    out = await mkdtemp(join(tmpdir(), 'learner-walk-'))
    dir = join(out, DECK)
    await buildDeck(KIT_ROOT, DECK, dir)
  }
  server = await serveStatic(dir, `/${DECK}/`)
  browser = await launchChromium()
  const deck = modelDeck(readLessonModel(KIT_ROOT), DECK)!
  slideCount = deck.shown.length
  withText = new Set(deck.shown.flatMap((s, i) => s.slide.learn && !s.slide.learn.none ? [i + 1] : []))
}, 600_000)

afterAll(async () => {
  await browser?.close()
  await server?.close()
  if (out)
    await rm(out, { recursive: true, force: true })
})

// Runs in the page, kept as source text (the test runner's transform may add helpers the browser lacks).
const MEASURE = `((minText, minTarget) => {
  const visible = (el) => {
    const s = getComputedStyle(el)
    if (s.display === 'none' || s.visibility === 'hidden' || Number(s.opacity) === 0) return false
    const r = el.getBoundingClientRect()
    // Off the page (Slidev's hidden Go-to box waits above the top edge).
    return r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0
  }
  const describe = (el, text) => el.tagName.toLowerCase() + ' "' + text.trim().replace(/\\s+/g, ' ').slice(0, 40) + '"'
  const small = []
  const roots = [...document.querySelectorAll('#slide-content .slidev-page:not([style*="display: none"]), .learn-panel, .learner-nav, .learner-keys')]
  for (const root of roots) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement
      if (!el || !node.textContent.trim() || !visible(el) || el.closest('.sr-only, [aria-hidden="true"]')) continue
      let px = parseFloat(getComputedStyle(el).fontSize)
      if (el instanceof SVGElement && el.ownerSVGElement) {
        px *= el.ownerSVGElement.getScreenCTM().a
      } else {
        // The slide may be scaled as a whole (the laptop); the phone lays it out unscaled.
        const frame = el.closest('#slide-content')
        if (frame && frame.offsetWidth > 0) px *= frame.getBoundingClientRect().width / frame.offsetWidth
      }
      if (px < minText - 0.05) small.push(describe(el, node.textContent) + ' at ' + px.toFixed(1) + ' px')
    }
  }
  const targets = []
  for (const el of roots.flatMap(root => [...root.querySelectorAll('a[href], button, input, select, textarea, summary, label.quiz-choice')])) {
    if (!visible(el)) continue
    if (el.matches('input[type=radio]') && el.closest('label')) continue
    // A link inside a sentence is excepted.
    if (el.matches('a') && el.closest('p, li') && !el.closest('.learner-nav')) continue
    const r = el.getBoundingClientRect()
    if (r.height < minTarget - 0.5 || r.width < minTarget - 0.5) targets.push(describe(el, el.textContent || el.getAttribute('aria-label') || '') + ' is ' + Math.round(r.width) + 'x' + Math.round(r.height))
  }
  const panel = document.querySelector('.learn-panel')
  return { small: [...new Set(small)], targets: [...new Set(targets)], explanation: panel ? panel.textContent.trim().length : 0, hash: location.hash }
})`

interface Measure { small: string[], targets: string[], explanation: number, hash: string }

async function open(viewport: { width: number, height: number }, touch: boolean): Promise<{ context: BrowserContext, page: Page }> {
  const context = await browser.newContext({ viewport, hasTouch: touch, isMobile: touch, reducedMotion: 'reduce' })
  const page = await context.newPage()
  await page.goto(`${server.url}#/1`)
  await page.locator('.slidev-page-1 .slidev-layout').waitFor()
  await page.evaluate('document.fonts.ready.then(() => true)')
  return { context, page }
}

function slideOf(hash: string): number {
  return Number(/^#\/(\d+)/.exec(hash)![1])
}

describe(`${DECK}, followed alone`, () => {
  it('on a phone upright (390×844): every step read at 14 px or more, controls 44 px, a tap on the slide goes on, every explanation shown', async () => {
    const { context, page } = await open({ width: 390, height: 844 }, true)
    // The way around and the keys, on the first slide.
    await expect(page.locator('.learner-nav a', { hasText: 'Lesson index' }).getAttribute('href')).resolves.toBe('../index.html')
    await expect(page.locator('.learner-nav a', { hasText: 'Next: 2.2.5' }).getAttribute('href')).resolves.toBe('../refcell/index.html')
    await expect(page.locator('[data-key-hint]').textContent()).resolves.toMatch(/→[^o]*o.*g/s)
    const problems: string[] = []
    const seen = new Set<number>()
    for (let step = 0; step < 200; step++) {
      await page.waitForTimeout(80)
      const m = await page.evaluate(`${MEASURE}(${MIN_TEXT_PX}, ${MIN_TARGET_PX})`) as Measure
      const slide = slideOf(m.hash)
      seen.add(slide)
      problems.push(...m.small.map(s => `${m.hash}: ${s}`), ...m.targets.map(t => `${m.hash}: ${t}`))
      if (withText.has(slide) && m.explanation === 0)
        problems.push(`${m.hash}: the slide's explanation is not shown`)
      // Tap the right half of the slide, on its title: a place that is not a control.
      const title = page.locator(`.slidev-page-${slide} h1`).first()
      const box = await title.boundingBox()
      const content = await page.locator('#slide-content').boundingBox()
      if (!box || !content)
        throw new Error(`${m.hash}: no title to tap`)
      if (!await goesOn(page, () => page.touchscreen.tap(content.x + content.width * 0.9, box.y + box.height / 2)))
        break
    }
    expect(problems.join('\n')).toBe('')
    expect([...seen].sort((a, b) => a - b)).toEqual(Array.from({ length: slideCount }, (_, i) => i + 1))
    await context.close()
  }, 300_000)

  it('on a laptop (1280×720): → steps through every slide; the explanation opens beside the slide and stays open', async () => {
    const { context, page } = await open({ width: 1280, height: 720 }, false)
    await expect(page.locator('[data-key-hint]').isVisible()).resolves.toBe(true)
    await expect(page.locator('.learner-nav[data-at-end]').count()).resolves.toBe(0)
    const problems: string[] = []
    const seen = new Set<number>()
    let opened = false
    for (let step = 0; step < 200; step++) {
      await page.waitForTimeout(60)
      const hash = await page.evaluate('location.hash') as string
      const slide = slideOf(hash)
      seen.add(slide)
      if (withText.has(slide)) {
        if (!opened) {
          // Closed by itself where the panel would shrink the slide; one click opens it.
          await page.getByRole('button', { name: 'Show the explanation of this slide' }).click()
          opened = true
        }
        const text = await page.locator('.learn-panel').textContent({ timeout: 2_000 }).catch(() => '')
        if (!text?.trim())
          problems.push(`${hash}: the explanation is not shown`)
      }
      if (!await goesOn(page, () => page.keyboard.press('ArrowRight')))
        break
    }
    expect(problems.join('\n')).toBe('')
    expect(seen.size).toBe(slideCount)
    // At the last step, the learner bar puts the next topic forward.
    await expect(page.locator('.learner-nav[data-at-end] .learner-next').count()).resolves.toBe(1)
    await context.close()
  }, 300_000)
})
