/**
 * Live coding as an instructor does it, in headless Chromium against the
 * dev server: edit the snippet on the slide, Run, read the output; leave the
 * slide and come back, reload, and find the edit still there; reset it.
 */
import type { Browser, Locator, Page } from 'playwright-core'
import type { DevServer } from './dev-server.ts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../../scripts/lib/browser.ts'
import { formatSystemFonts, systemFonts } from '../browser/fonts.ts'
import { sharedDevServer } from './dev-server.ts'

/** The live-coding slide of `tests/fixtures/live.md`. */
const SLIDE = 2
const EDIT = 'println!("edited on the slide: strong = {}", Rc::strong_count(&b));'

let server: DevServer
let browser: Browser
let page: Page
const errors: string[] = []

/** The slide's parts, found the way a presenter sees them. */
function live(p: Page) {
  const root = p.locator(`.slidev-page-${SLIDE} .live-snippet`)
  return {
    root,
    editor: root.locator('.rust-editor .cm-content'),
    lines: root.locator('.rust-editor .cm-content'),
    run: root.getByRole('button', { name: /Run/ }),
    reset: root.getByRole('button', { name: /Reset/ }),
    edited: root.locator('.live-edited'),
    status: root.locator('.live-status'),
    output: root.locator('.live-output'),
  }
}

async function openSlide(p: Page, n: number): Promise<void> {
  await p.evaluate(slide => location.hash = `#/${slide}`, n)
  await p.locator(`.slidev-page-${n}`).waitFor({ timeout: 120_000 })
}

/** The text as rendered, line breaks included (Playwright's, not the DOM's innerText). */
function shownText(locator: Locator): Promise<string> {
  return locator.innerText() // eslint-disable-line unicorn/prefer-dom-node-text-content
}

/** The editor's text, line by line. */
async function editorText(p: Page): Promise<string> {
  return (await shownText(live(p).lines)).replace(/\u00A0/g, ' ')
}

beforeAll(async () => {
  server = await sharedDevServer()
  browser = await launchChromium()
  page = await browser.newPage({ viewport: { width: 1280, height: 720 } })
  page.setDefaultTimeout(120_000)
  // The first visit makes Vite optimise dependencies and reload: let it settle.
  await page.goto(`${server.origin}/#/${SLIDE}`, { waitUntil: 'networkidle', timeout: 180_000 })
  await page.reload({ waitUntil: 'networkidle', timeout: 180_000 })
  await page.evaluate(() => localStorage.clear())
  await page.reload({ waitUntil: 'networkidle', timeout: 180_000 })
  await live(page).editor.waitFor({ timeout: 180_000 })
  // Counted from here: while Vite optimises on the first visit, imports may fail and retry.
  page.on('pageerror', e => errors.push(e.message))
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

describe('a live-coding slide in the dev server', () => {
  it('starts from the snippet region with the recorded output', async () => {
    const ui = live(page)
    expect(await editorText(page)).toContain('let b = Rc::clone(&a);')
    // Recorder calls are not part of what the class edits.
    expect(await editorText(page)).not.toContain('trace::')
    await expect.poll(() => shownText(ui.output), { timeout: 60_000 }).toContain('recorded run · rustc')
    expect(await ui.edited.count()).toBe(0)
    expect(await ui.reset.isDisabled()).toBe(true)
  })

  it('runs an edit and shows its output', async () => {
    const ui = live(page)
    await ui.editor.click()
    await page.keyboard.press('Control+End')
    await page.keyboard.press('Enter')
    await page.keyboard.insertText(EDIT)
    await ui.edited.waitFor()
    await ui.run.click()
    await expect.poll(() => shownText(ui.status), { timeout: 120_000 }).toMatch(/ran · exit 0/)
    const text = await shownText(ui.output)
    expect(text).toContain('edited on the slide: strong = 2')
    expect(text).toContain('after c:   strong = 2')
    expect(text).toMatch(/live run/)
  })

  it('shows a compile error as one, with rustc\'s message', async () => {
    const ui = live(page)
    await ui.editor.click()
    await page.keyboard.press('Control+End')
    await page.keyboard.press('Enter')
    await page.keyboard.insertText('let broken: i32 = "text";')
    await ui.run.click()
    await expect.poll(() => shownText(ui.status), { timeout: 120_000 }).toMatch(/does not compile/)
    expect(await shownText(ui.output)).toMatch(/error\[E0308\]: mismatched types/)
    // The editor, its buttons and rustc's panel draw every glyph in the kit's own fonts.
    await page.evaluate('document.fonts.ready.then(() => true)')
    expect(formatSystemFonts(await systemFonts(page, `.slidev-page-${SLIDE} .live-snippet`))).toEqual([])
    // Take the broken line out again.
    await ui.editor.click()
    await page.keyboard.press('Control+End')
    await page.keyboard.press('Shift+Home')
    await page.keyboard.press('Backspace')
    await page.keyboard.press('Backspace')
    await expect.poll(() => editorText(page), { timeout: 60_000 }).not.toContain('broken')
    expect(await editorText(page)).toContain('edited on the slide')
  })

  it('keeps the edit across navigation and a reload', async () => {
    await openSlide(page, 1)
    await openSlide(page, 3)
    await openSlide(page, SLIDE)
    await live(page).editor.waitFor({ timeout: 120_000 })
    await expect.poll(() => editorText(page), { timeout: 60_000 }).toContain('edited on the slide')
    await page.reload({ waitUntil: 'load' })
    await live(page).editor.waitFor({ timeout: 120_000 })
    await expect.poll(() => editorText(page), { timeout: 60_000 }).toContain('edited on the slide')
    await live(page).edited.waitFor()
  })

  it('resets to the original', async () => {
    const ui = live(page)
    await ui.reset.click()
    await expect.poll(() => editorText(page), { timeout: 60_000 }).not.toContain('edited on the slide')
    expect(await editorText(page)).toContain('let b = Rc::clone(&a);')
    expect(await ui.edited.count()).toBe(0)
    await expect.poll(() => shownText(ui.output), { timeout: 60_000 }).toContain('recorded run · rustc')
    await page.reload({ waitUntil: 'load' })
    await live(page).editor.waitFor({ timeout: 120_000 })
    expect(await editorText(page)).not.toContain('edited on the slide')
  })

  it('raised no page errors', () => {
    expect(errors).toEqual([])
  })
})
