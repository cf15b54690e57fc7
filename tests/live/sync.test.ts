/**
 * One presentation in three windows, as a class sees it: the presenter
 * view (`/presenter/N`), the projector (`/N`) and a second audience tab,
 * each in its own browser profile so nothing passes through localStorage.
 * An edit, Run and its output, Stop and Reset made in either window show in
 * the others within a second, and so does the step.
 */
import type { Browser, Page } from 'playwright-core'
import type { DevServer } from './dev-server.ts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../../scripts/lib/browser.ts'
import { startDevServer } from './dev-server.ts'

/** The live slides of `tests/fixtures/live.md`: one step, then two. */
const ONE = 2
const TWO = 4
/** Everything a window shows of another's change must arrive within this. */
const WITHIN_MS = 1000

let server: DevServer
let browser: Browser
let presenter: Page
let audience: Page
let second: Page
const errors: string[] = []

function ui(page: Page, n: number) {
  const root = page.locator(`.slidev-page-${n} .live-snippet`).first()
  return {
    root,
    editor: root.locator('.cm-content'),
    text: async () => (await root.locator('.cm-content').textContent() ?? '').replace(/\u00A0/g, ' '),
    output: async () => await root.locator('.live-output-column').textContent() ?? '',
    run: root.locator('.live-run'),
    stop: root.locator('.live-stop'),
    reset: root.locator('.live-reset'),
    running: () => root.getAttribute('data-running'),
    index: () => root.getAttribute('data-step-index').then(Number),
  }
}

async function open(url: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } })
  const page = await context.newPage()
  page.setDefaultTimeout(120_000)
  page.on('pageerror', e => errors.push(`${url}: ${e.message}`))
  await page.goto(url, { waitUntil: 'networkidle', timeout: 180_000 })
  return page
}

/** Types `text` on a new last line of the slide's editor in `page`. */
async function typeLine(page: Page, n: number, text: string): Promise<void> {
  await ui(page, n).editor.click()
  await page.keyboard.press('Control+End')
  await page.keyboard.press('Enter')
  await page.keyboard.insertText(text)
}

/** How long until `probe` holds in every page, failing past `WITHIN_MS` (polled, so a little slack). */
async function seenWithin(pages: Page[], probe: (page: Page) => Promise<boolean>): Promise<number> {
  const start = Date.now()
  for (const page of pages)
    await expect.poll(() => probe(page), { timeout: WITHIN_MS + 500, interval: 50 }).toBe(true)
  const ms = Date.now() - start
  expect(ms).toBeLessThan(WITHIN_MS)
  return ms
}

beforeAll(async () => {
  server = await startDevServer()
  browser = await launchChromium()
  // The first visit makes Vite optimise dependencies and reload: let it settle.
  const warm = await open(`${server.origin}/#/${ONE}`)
  await warm.reload({ waitUntil: 'networkidle', timeout: 180_000 })
  await warm.context().close()
  errors.length = 0
  presenter = await open(`${server.origin}/#/presenter/${ONE}`)
  audience = await open(`${server.origin}/#/${ONE}`)
  second = await open(`${server.origin}/#/${ONE}`)
  for (const page of [presenter, audience, second])
    await ui(page, ONE).editor.waitFor({ timeout: 180_000 })
}, 600_000)

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

describe('live state shared by the windows of one presentation', () => {
  it('shows an edit typed in presenter view, its Run and its Reset on both audience windows', async () => {
    await typeLine(presenter, ONE, 'println!("typed by the presenter");')
    await seenWithin([audience, second], async p => (await ui(p, ONE).text()).includes('typed by the presenter'))

    await ui(presenter, ONE).run.click()
    await expect.poll(() => ui(audience, ONE).output(), { timeout: 120_000 }).toContain('typed by the presenter')
    // The answer reaches the other windows as it reaches the presenter's.
    await seenWithin([audience, second], async p => (await ui(p, ONE).output()).includes('live run'))
    expect(await ui(presenter, ONE).output()).toContain('typed by the presenter')

    await ui(presenter, ONE).reset.click()
    await seenWithin([audience, second], async p => !(await ui(p, ONE).text()).includes('typed by the presenter'))
    for (const p of [audience, second])
      expect(await ui(p, ONE).output()).toContain('recorded')
  })

  it('shows an edit, Run and Reset made on the audience window in presenter view', async () => {
    await typeLine(audience, ONE, 'println!("typed on the projector");')
    await seenWithin([presenter, second], async p => (await ui(p, ONE).text()).includes('typed on the projector'))
    await ui(audience, ONE).run.click()
    await expect.poll(() => ui(presenter, ONE).output(), { timeout: 120_000 }).toContain('typed on the projector')
    await ui(audience, ONE).reset.click()
    await seenWithin([presenter, second], async p => !(await ui(p, ONE).text()).includes('typed on the projector'))
  })

  it('stops a run from another window than the one that started it', async () => {
    await typeLine(presenter, ONE, 'std::thread::sleep(std::time::Duration::from_secs(4)); println!("too late");')
    await seenWithin([audience], async p => (await ui(p, ONE).text()).includes('too late'))
    await ui(presenter, ONE).run.click()
    await seenWithin([audience, second], async p => await ui(p, ONE).running() === 'true')
    await ui(audience, ONE).stop.click()
    await seenWithin([presenter, second], async p => await ui(p, ONE).running() === null)
    // The run's answer, when it comes, is dropped everywhere.
    await presenter.waitForTimeout(6000)
    for (const p of [presenter, audience, second])
      expect(await ui(p, ONE).output()).not.toContain('too late')
    await ui(second, ONE).reset.click()
    await seenWithin([presenter, audience], async p => !(await ui(p, ONE).text()).includes('too late'))
  })

  it('follows the presenter\'s step, and shares an edit of the second step', async () => {
    await presenter.evaluate(n => location.hash = `#/presenter/${n}`, TWO)
    await ui(presenter, TWO).editor.waitFor()
    await expect.poll(() => ui(audience, TWO).index(), { timeout: 10_000 }).toBe(0)
    await presenter.keyboard.press('ArrowRight')
    await seenWithin([audience, second], async p => await ui(p, TWO).index() === 1)
    await typeLine(presenter, TWO, '// on the second step')
    await seenWithin([audience, second], async p => (await ui(p, TWO).text()).includes('// on the second step'))
    await ui(audience, TWO).root.locator('.live-reset').click()
    await seenWithin([presenter, second], async p => !(await ui(p, TWO).text()).includes('// on the second step'))
  })

  it('raised no page errors', () => {
    expect(errors).toEqual([])
  })
})
