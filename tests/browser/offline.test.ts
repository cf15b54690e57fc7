import type { Browser } from 'playwright-core'
import type { StaticServer } from '../../scripts/lib/static-server.ts'
import type { ScratchSite } from './scratch-site.ts'
/**
 * A learner opens the exported deck with no network: every slide must
 * render from the deck's own files, with no request to any other host
 * (fonts, icons, favicons included), served from a sub-path. The deck is
 * the published one when PUBLISHED_SITE names a site (as `npm test` does),
 * else built here.
 *
 * One visit serves both tests: the deck is loaded once at its sub-path and
 * walked with the keyboard, each slide shown in turn (which loads that
 * slide's own files and fonts) while every request and console error is
 * recorded.
 */
import { existsSync } from 'node:fs'
import { symlink } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildDeck } from '../../adapter/slidev/cli.ts'
import { LESSON_ID } from '../../core/topics.ts'
import { KIT_ROOT } from '../../scripts/lib/kit-copy.ts'
import { modelDeck, readLessonModel } from '../../scripts/lib/lesson-model.ts'
import { scratchSite } from './scratch-site.ts'

let site: ScratchSite | undefined
let server: StaticServer
let browser: Browser

beforeAll(async () => {
  site = await scratchSite('lesson-offline-', async (out) => {
    const published = process.env.PUBLISHED_SITE
    if (published && existsSync(join(published, 'lesson', 'index.html'))) {
      await symlink(resolve(published, 'lesson'), join(out, 'lesson'))
      // A published deck registers the site's service worker, which lives beside the decks.
      for (const file of ['sw.js', 'manifest.webmanifest']) {
        if (existsSync(join(published, file)))
          await symlink(resolve(published, file), join(out, file))
      }
    }
    else {
      await buildDeck(KIT_ROOT, 'lesson', join(out, 'lesson'))
    }
  }, '/courses/rust/')
  ;({ server, browser } = site)
})

afterAll(() => site?.close())

interface Visit {
  /** Slides reached with the keyboard. */
  total: number
  /** Requests to another host than the deck's. */
  foreign: string[]
  /** Console errors and uncaught exceptions. */
  errors: string[]
  /** Font families loaded once every slide was shown. */
  fonts: string[]
  found: { output: boolean, error: boolean }
}

let visit: Promise<Visit> | undefined
/** The slides the lesson model says the lesson shows. */
const slideCount = modelDeck(readLessonModel(KIT_ROOT), LESSON_ID)!.shown.length

/**
 * Loads the deck once at its sub-path and walks it with the keyboard (↓ is
 * "next slide"), as a learner would: each slide shows, drawn from its own
 * files with the fonts it uses, before ↓ goes on; the slides are counted
 * where ↓ goes no further.
 */
function visitLesson(): Promise<Visit> {
  visit ??= (async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } })
    const foreign: string[] = []
    const errors: string[] = []
    const origin = new URL(server.url).origin
    page.on('request', (request) => {
      const url = request.url()
      if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:'))
        foreign.push(url)
    })
    page.on('console', (message) => {
      if (message.type() === 'error')
        errors.push(message.text())
    })
    page.on('pageerror', error => errors.push(error.message))

    await page.goto(`${server.url}lesson/#/1`, { waitUntil: 'networkidle' })
    const found = { output: false, error: false }
    for (let n = 1; n <= 500; n++) {
      // The slide shows (the others are hidden) once its chunk is loaded; its text once its fonts are.
      const text = await page.evaluate(async (no) => {
        const deadline = performance.now() + 30_000
        while (performance.now() < deadline) {
          const slide = document.querySelector(`.slidev-page-${no}`)
          if (slide && getComputedStyle(slide).display !== 'none' && slide.querySelector('.slidev-layout') && !slide.querySelector('.slidev-slide-loading')) {
            await document.fonts.ready
            return slide.textContent ?? ''
          }
          await new Promise(r => setTimeout(r, 20))
        }
        return null
      }, n)
      if (text === null)
        throw new Error(`slide ${n} did not show within 30 s (${page.url()})`)
      found.output ||= /cargo run -q --bin clone-counts[\s\S]*after b: +strong = 2/.test(text)
      found.error ||= /error\[E0277\]: `Rc<Vec<&str>>` cannot be sent between threads safely/.test(text)
      const hash = await page.evaluate(() => location.hash)
      await page.keyboard.press('ArrowDown')
      // Before the lesson model's last slide ↓ must go on, however loaded the machine; from there it must not.
      const moved = await page.waitForFunction(h => location.hash !== h, hash, { timeout: n < slideCount ? 30_000 : 2000 }).then(() => true, () => false)
      if (!moved) {
        const fonts = await page.evaluate(() => [...document.fonts].filter(f => f.status === 'loaded').map(f => f.family))
        await page.close()
        return { total: n, foreign, errors, fonts, found }
      }
      expect(await page.evaluate(() => location.hash), `↓ from slide ${n}`).toBe(`#/${n + 1}`)
    }
    throw new Error('more than 500 slides: the keyboard walk never reached the end')
  })()
  return visit
}

describe('the built lesson deck', () => {
  it('renders every slide from its own host only, without console errors', async () => {
    const { total, foreign, errors, fonts } = await visitLesson()
    // ↓ reaches the last slide the lesson has, one slide at a time.
    expect(total).toBe(slideCount)
    // The fonts the slides use are the kit's own files.
    expect(fonts.join(' ')).toMatch(/Atkinson Hyperlegible Next/)
    expect(foreign).toEqual([])
    expect(errors).toEqual([])
  })

  it('shows rustc\'s captured error and the program\'s captured output on the rc slides', async () => {
    const { found } = await visitLesson()
    expect(found).toEqual({ output: true, error: true })
  })
})
