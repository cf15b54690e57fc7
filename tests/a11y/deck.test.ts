import type { Browser, Page } from 'playwright-core'
import type { StaticServer } from '../../scripts/lib/static-server.ts'
import type { Finding } from './audit.ts'
/**
 * Accessibility of what learners open, beyond each slide: a topic of the
 * built lesson deck reached from the topic map with Tab and Enter (with a
 * visible focus), and the site's index
 * and exercises pages (WCAG 2 A/AA with axe-core in light and dark, every
 * link reached with Tab). Every slide of every deck is audited by the walk
 * of the slides (`tests/browser/slide-walk.ts`, one file per colour scheme);
 * the keyboard takes a learner through every slide of every deck in
 * `tests/publish/site.test.ts` (→, every click).
 *
 * `PUBLISHED_SITE=<dir>` (as `npm test` sets it) reads an already built site (holding `lesson/`)
 * instead of building the lesson deck first.
 */
import { existsSync } from 'node:fs'
import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildDeck } from '../../adapter/slidev/cli.ts'
import { LESSON_ID } from '../../core/topics.ts'
import { launchChromium } from '../../scripts/lib/browser.ts'
import { findDeck } from '../../scripts/lib/decks.ts'
import { writeExercises } from '../../scripts/lib/exercises.ts'
import { KIT_ROOT } from '../../scripts/lib/kit-copy.ts'
import { deckSetOf, readLessonModel } from '../../scripts/lib/lesson-model.ts'
import { collectSite, renderIndex } from '../../scripts/lib/site-index.ts'
import { serveStatic } from '../../scripts/lib/static-server.ts'
import { NO_PRELOAD_ALL } from '../browser/slide-walk.ts'
import { audit, describeFindings } from './audit.ts'
import { staleExemptions, unexempted } from './exemptions.ts'

let out: string
let server: StaticServer
let browser: Browser

beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), 'lesson-a11y-'))
  const built = process.env.PUBLISHED_SITE
  if (built && existsSync(join(built, 'lesson', 'index.html')))
    await symlink(resolve(built, 'lesson'), join(out, 'lesson'))
  else await buildDeck(KIT_ROOT, 'lesson', join(out, 'lesson'))
  await writeFile(join(out, 'index.html'), renderIndex(await collectSite(KIT_ROOT, { pdf: false })))
  await writeExercises(KIT_ROOT, join(out, 'exercises'))
  server = await serveStatic(out, '/')
  browser = await launchChromium()
}, 900_000)

afterAll(async () => {
  await browser?.close()
  await server?.close()
  if (out)
    await rm(out, { recursive: true, force: true })
})

async function openPage(scheme: 'light' | 'dark'): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, colorScheme: scheme, reducedMotion: 'reduce' })
  await context.addInitScript(NO_PRELOAD_ALL)
  return context.newPage()
}

/**
 * Shows slide `n`: moved to by the deck's own router (the hash), as the
 * keyboard does, rather than loaded afresh for every slide. The pages keep
 * to the slides walked (`NO_PRELOAD_ALL`), as the walk of the slides does.
 */
async function showSlide(page: Page, n: number): Promise<void> {
  if (page.url().startsWith(`${server.url}lesson/`))
    await page.evaluate(`location.hash = '#/${n}'`)
  else await page.goto(`${server.url}lesson/#/${n}`, { waitUntil: 'networkidle' })
  await page.locator(`.slidev-page-${n}`).waitFor()
}

const used = new Set<number>()

describe('the lesson deck', () => {
  it('reaches a topic from the map with Tab and Enter, with a visible focus', async () => {
    const page = await openPage('light')
    try {
      // The first slide showing the topic map, as the lesson model lists its slides.
      const mapSlide = findDeck(deckSetOf(readLessonModel(KIT_ROOT)), LESSON_ID)!.shown.findIndex(s => s.slide.components.some(c => c.name === 'TopicMap')) + 1
      expect(mapSlide).toBeGreaterThan(0)
      await showSlide(page, mapSlide)
      await page.locator(`.slidev-page-${mapSlide} .topic-map a`).first().waitFor()
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
      expect(describeFindings(unexempted(findings, 'site pages', used))).toBe('')
    }, 300_000)
  }
})

describe('the exemption list', () => {
  it('holds only exemptions still needed', () => {
    // Runs last: a fixed problem must leave the list, so it stays fixed.
    // The slides' exemptions are checked by the walk of the slides.
    expect(staleExemptions('site pages', used)).toEqual([])
  })
})
