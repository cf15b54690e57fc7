import type { Browser, Page } from 'playwright-core'
import type { StaticServer } from '../../scripts/lib/static-server.ts'
import type { ScratchSite } from './scratch-site.ts'
/**
 * A learner opens the exported deck with no network: every slide must
 * render from the deck's own files, with no request to any other host
 * (fonts, icons, favicons included), served from a sub-path. The deck is
 * the published one when PUBLISHED_SITE names a site (as `npm test` does),
 * else built here.
 */
import { existsSync } from 'node:fs'
import { symlink } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildDeck } from '../../adapter/slidev/cli.ts'
import { KIT_ROOT } from '../../scripts/lib/kit-copy.ts'
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

/** Walks the deck with the keyboard (↓ is "next slide"), as a learner would, and counts the slides. */
async function countSlides(page: Page): Promise<number> {
  await page.goto(`${server.url}lesson/#/1`, { waitUntil: 'networkidle' })
  await page.locator('.slidev-page-1').waitFor()
  for (let i = 0; i < 500; i++) {
    const hash = await page.evaluate(() => location.hash)
    await page.keyboard.press('ArrowDown')
    const moved = await page.waitForFunction(h => location.hash !== h, hash, { timeout: 2000 }).then(() => true, () => false)
    if (!moved)
      return Number(/^#\/(\d+)/.exec(hash)?.[1] ?? 0)
  }
  throw new Error('more than 500 slides: the keyboard walk never reached the end')
}

describe('the built lesson deck', () => {
  it('renders every slide from its own host only, without console errors', async () => {
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

    const total = await countSlides(page)
    expect(total).toBeGreaterThan(2)
    for (let n = 1; n <= total; n++) {
      await page.goto(`${server.url}lesson/#/${n}`, { waitUntil: 'networkidle' })
      await page.locator(`.slidev-page-${n}`).waitFor()
    }
    // The fonts the slides use are the kit's own files.
    const fonts = await page.evaluate(() => [...document.fonts].filter(f => f.status === 'loaded').map(f => f.family))
    expect(fonts.join(' ')).toMatch(/Atkinson Hyperlegible Next/)
    expect(foreign).toEqual([])
    expect(errors).toEqual([])
  })

  it('shows rustc\'s captured error and the program\'s captured output on the rc slides', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } })
    const found = { output: false, error: false }
    const total = await countSlides(page)
    for (let n = 1; n <= total; n++) {
      await page.goto(`${server.url}lesson/#/${n}`, { waitUntil: 'networkidle' })
      const text = await page.locator(`.slidev-page-${n}`).textContent() ?? ''
      found.output ||= /cargo run -q --bin clone-counts[\s\S]*after b: +strong = 2/.test(text)
      found.error ||= /error\[E0277\]: `Rc<Vec<&str>>` cannot be sent between threads safely/.test(text)
    }
    expect(found).toEqual({ output: true, error: true })
  })
})
