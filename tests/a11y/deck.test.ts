import type { Browser, Page } from 'playwright-core'
import type { StaticServer } from '../../scripts/lib/static-server.ts'
import type { Finding } from './audit.ts'
/**
 * Accessibility of what learners open: every slide of the built lesson deck
 * in light and dark (WCAG 2 A/AA with axe-core, text alternatives for
 * diagrams, reduced motion; in dark, axe's colour rules, every rule on a
 * slide whose structure differs from light), keyboard navigation across slides and from the
 * topic map, and the site's index and exercises pages.
 *
 * `LESSON_A11Y_SITE=<dir>` audits an already built site (holding `lesson/`)
 * instead of building the lesson deck first.
 */
import { existsSync } from 'node:fs'
import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildDeck } from '../../adapter/slidev/cli.ts'
import { launchChromium } from '../../scripts/lib/browser.ts'
import { writeExercises } from '../../scripts/lib/exercises.ts'
import { KIT_ROOT } from '../../scripts/lib/kit-copy.ts'
import { collectSite, renderIndex } from '../../scripts/lib/site-index.ts'
import { serveStatic } from '../../scripts/lib/static-server.ts'
import { audit, axeRules, COLOUR_RULES, describeFindings, shape, unnamedDiagrams, WCAG_TAGS } from './audit.ts'
import { EXEMPTIONS, isExempt } from './exemptions.ts'

let out: string
let server: StaticServer
let browser: Browser
let total = 0

beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), 'lesson-a11y-'))
  const built = process.env.LESSON_A11Y_SITE
  if (built && existsSync(join(built, 'lesson', 'index.html')))
    await symlink(resolve(built, 'lesson'), join(out, 'lesson'))
  else await buildDeck(KIT_ROOT, 'lesson', join(out, 'lesson'))
  await writeFile(join(out, 'index.html'), renderIndex(await collectSite(KIT_ROOT, { pdf: false })))
  await writeExercises(KIT_ROOT, join(out, 'exercises'))
  server = await serveStatic(out, '/')
  browser = await launchChromium()
  total = await countSlides()
}, 900_000)

afterAll(async () => {
  await browser?.close()
  await server?.close()
  if (out)
    await rm(out, { recursive: true, force: true })
})

/**
 * Slidev mounts every slide of a deck, hidden, 3 s after it loads
 * (`setTimeout(() => slides.forEach(preload), 3000)` in its SlidesShow).
 * axe reads the whole document whatever part of it is audited, so on the
 * audit's pages that timer is not set: a page holds the slides walked since
 * it loaded. Should the pattern stop matching a later Slidev, `showSlide`
 * still reloads a page that holds too many slides.
 */
const NO_PRELOAD_ALL = `(() => {
  const set = window.setTimeout
  window.setTimeout = function (fn, ms, ...rest) {
    if (ms === 3000 && typeof fn === 'function' && /^\\(\\)\\s*=>\\s*\\{?\\s*\\w+\\.forEach\\(\\w+\\);?\\s*\\}?$/.test(String(fn)))
      return 0
    return set.call(window, fn, ms, ...rest)
  }
})()`

async function openPage(scheme: 'light' | 'dark'): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, colorScheme: scheme, reducedMotion: 'reduce' })
  await context.addInitScript(NO_PRELOAD_ALL)
  return context.newPage()
}

/**
 * Shows slide `n`: moved to by the deck's own router (the hash), as the
 * keyboard does, rather than loaded afresh for every slide. Slidev mounts
 * every slide of the deck (hidden) 3 s after it loads, and slides once shown
 * stay mounted; axe reads the whole document whatever part it audits, so a
 * page holding more than a few slides (a page freshly opened at a slide
 * holds it and its neighbours) is loaded afresh at the slide.
 */
async function showSlide(page: Page, n: number): Promise<void> {
  const opened = page.url().startsWith(`${server.url}lesson/`)
  if (opened) {
    await page.evaluate(`location.hash = '#/${n}'`)
    await page.locator(`.slidev-page-${n}`).waitFor()
  }
  if (!opened || await page.locator('.slidev-layout').count() > 8) {
    if (opened)
      await page.reload({ waitUntil: 'networkidle' })
    else await page.goto(`${server.url}lesson/#/${n}`, { waitUntil: 'networkidle' })
    await page.locator(`.slidev-page-${n}`).waitFor()
  }
  await page.waitForTimeout(150)
}

/** Walks the deck with → alone, as a keyboard user does, and counts the slides. */
async function countSlides(): Promise<number> {
  const page = await openPage('light')
  await showSlide(page, 1)
  try {
    for (let i = 0; i < 2000; i++) {
      const hash = await page.evaluate(() => location.hash)
      await page.keyboard.press('ArrowRight')
      const moved = await page.waitForFunction(h => location.hash !== h, hash, { timeout: 3000 }).then(() => true, () => false)
      if (!moved)
        return Number(/^#\/(\d+)/.exec(hash)?.[1] ?? 0)
    }
    throw new Error('more than 2000 steps: the keyboard walk never reached the end')
  }
  finally {
    await page.context().close()
  }
}

/** Animations still running after a slide settled: none, when reduced motion is asked for. */
async function moving(page: Page, where: string): Promise<Finding[]> {
  const running = await page.evaluate(() => document.getAnimations()
    .filter(a => a.playState === 'running' && Number(a.effect?.getComputedTiming().duration ?? 0) > 1)
    .map(a => (a.effect as KeyframeEffect | null)?.target?.className?.toString() ?? 'unknown'))
  return running.map(target => ({ rule: 'reduced-motion', target, where, summary: 'an animation runs although the reader asked for reduced motion' }))
}

function check(findings: Finding[], used: Set<number>): string {
  const left = findings.filter((f) => {
    const index = EXEMPTIONS.findIndex(e => isExempt(e, f))
    if (index >= 0)
      used.add(index)
    return index < 0
  })
  return describeFindings(left)
}

const used = new Set<number>()

describe('the lesson deck', () => {
  it('can be walked slide by slide with the keyboard', () => {
    expect(total).toBeGreaterThan(10)
  })

  /**
   * Each slide's structure as the rules that are not about colour read it,
   * by slide, from the light walk; the dark walk compares its own with it.
   */
  const lightShapes = new Map<number, string>()
  /** Slides audited in dark with every rule, because their structure differed from light. */
  const fullInDark: number[] = []

  for (const scheme of ['light', 'dark'] as const) {
    it(`passes axe on every slide in ${scheme} mode, with text alternatives and no motion`, async () => {
      const page = await openPage(scheme)
      const findings: Finding[] = []
      try {
        await showSlide(page, 1)
        expect(await page.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(scheme === 'dark')
        for (let n = 1; n <= total; n++) {
          await showSlide(page, n)
          const where = `lesson #${n} ${scheme}`
          const slide = `.slidev-page-${n}`
          if (scheme === 'light') {
            lightShapes.set(n, await shape(page, slide))
            findings.push(...await audit(page, where, slide))
          }
          else {
            // Only the colour rules depend on the colour scheme, as long as
            // the slide is the same elements, laid out the same: checked here,
            // and any slide that differs gets every rule again.
            const same = lightShapes.get(n) === await shape(page, slide)
            if (!same)
              fullInDark.push(n)
            findings.push(...await audit(page, where, slide, same ? COLOUR_RULES : undefined))
          }
          findings.push(...await unnamedDiagrams(page, slide, where))
          findings.push(...await moving(page, where))
        }
      }
      finally {
        await page.context().close()
      }
      if (scheme === 'dark')
        console.log(`a11y: ${total} slides in dark mode, ${total - fullInDark.length} with the colour rules only (same structure as in light), ${fullInDark.length} with every rule${fullInDark.length ? ` (#${fullInDark.join(', #')})` : ''}`)
      expect(check(findings, used)).toBe('')
    }, 900_000)
  }

  it('runs in dark mode only the rules about colour, and every rule about colour', () => {
    // The dark walk leaves the other rules to the light one: that holds only
    // while they are the rules axe tags with cat.color.
    const rules = axeRules(WCAG_TAGS)
    expect(COLOUR_RULES).toEqual(rules.filter(r => r.tags.includes('cat.color')).map(r => r.ruleId).sort())
    expect(COLOUR_RULES.length).toBeGreaterThan(0)
  })

  it('reaches a topic from the map with Tab and Enter, with a visible focus', async () => {
    const page = await openPage('light')
    try {
      let mapSlide = 0
      for (let n = 1; n <= total && !mapSlide; n++) {
        await showSlide(page, n)
        if (await page.locator(`.slidev-page-${n} .topic-map`).count())
          mapSlide = n
      }
      expect(mapSlide).toBeGreaterThan(0)
      const first = page.locator(`.slidev-page-${mapSlide} .topic-map a`).first()
      const href = await first.getAttribute('href')
      let focused = ''
      for (let i = 0; i < 40 && focused !== href; i++) {
        await page.keyboard.press('Tab')
        focused = await page.evaluate(() => document.activeElement?.getAttribute('href') ?? '')
      }
      expect(focused).toBe(href)
      const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)
      expect(outline).not.toBe('none')
      await page.keyboard.press('Enter')
      await page.waitForFunction(h => location.hash.endsWith(h!.replace(/^#?\/?/, '')), href)
      expect(await page.evaluate(() => location.hash)).toMatch(/^#\/\d+$/)
    }
    finally {
      await page.context().close()
    }
  }, 300_000)
})

describe('the site pages', () => {
  for (const path of ['index.html', 'exercises/index.html']) {
    it(`${path}: passes axe in light and dark, and Tab reaches every link`, async () => {
      const findings: Finding[] = []
      for (const scheme of ['light', 'dark'] as const) {
        const page = await openPage(scheme)
        try {
          await page.goto(`${server.url}${path}`, { waitUntil: 'networkidle' })
          findings.push(...await audit(page, `${path} ${scheme}`))
          if (scheme === 'light') {
            const links = await page.locator('a[href]:visible').count()
            // Buttons, summaries and fields take a Tab stop too.
            const stops = await page.locator('a[href]:visible, button:visible, summary:visible, input:visible, select:visible, textarea:visible, [tabindex]:not([tabindex="-1"]):visible').count()
            const reached = new Set<string>()
            for (let i = 0; i < stops + 5; i++) {
              await page.keyboard.press('Tab')
              reached.add(await page.evaluate(() => {
                const el = document.activeElement as HTMLAnchorElement | null
                return el?.tagName === 'A' ? `${el.getAttribute('href')} ${el.textContent}` : ''
              }))
            }
            reached.delete('')
            expect(reached.size).toBe(links)
          }
        }
        finally {
          await page.context().close()
        }
      }
      expect(check(findings, used)).toBe('')
    }, 300_000)
  }
})

describe('the exemption list', () => {
  it('holds only exemptions still needed', () => {
    // Runs last: a fixed problem must leave the list, so it stays fixed.
    const stale = EXEMPTIONS.filter((_, i) => !used.has(i))
    expect(stale.map(e => `${e.rule} ${String(e.target)}: ${e.reason}`)).toEqual([])
  })
})
