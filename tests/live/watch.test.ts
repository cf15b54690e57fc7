/**
 * Watch mode: while the dev server presents a deck from a copy of the kit,
 * saving a snippet re-runs the check and every slide showing it updates
 * (editor code, captured error) without a reload; a snippet that breaks its
 * promise gets a badge on its slides and one line in the terminal.
 */
import type { Browser, Page } from 'playwright-core'
import type { KitCopy } from '../../scripts/lib/kit-copy.ts'
import type { DevServer } from './dev-server.ts'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LESSON_MODEL_FILE, parseLessonModel } from '../../core/lesson-model.ts'
import { launchChromium } from '../../scripts/lib/browser.ts'
import { copyKitWithCode } from '../../scripts/lib/kit-copy.ts'
import { startDevServer } from './dev-server.ts'

const FILE = 'snippets/rc/fail/rc-no-mut.rs'

let kit: KitCopy
let server: DevServer
let browser: Browser
let page: Page
const pageErrors: string[] = []

function output(): Promise<string> {
  return page.locator('.live-output').innerText() // eslint-disable-line unicorn/prefer-dom-node-text-content
}

function editor(): Promise<string> {
  return page.locator('.cm-content').innerText() // eslint-disable-line unicorn/prefer-dom-node-text-content
}

beforeAll(async () => {
  kit = await copyKitWithCode()
  server = await startDevServer(180_000, { root: kit.root, deck: join(kit.root, 'tests', 'fixtures', 'watch.md') })
  browser = await launchChromium()
  page = await browser.newPage({ viewport: { width: 1280, height: 720 } })
  page.setDefaultTimeout(120_000)
  page.on('pageerror', e => pageErrors.push(e.message))
  await page.goto(`${server.origin}/#/1`, { waitUntil: 'networkidle', timeout: 180_000 })
  await page.reload({ waitUntil: 'networkidle', timeout: 180_000 })
  await page.locator('.cm-editor').waitFor({ timeout: 180_000 })
  // Survives only if the page is never reloaded.
  await page.evaluate(() => Object.assign(window, { lessonWatchMarker: 'same page' }))
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
  await kit?.remove()
})

describe('watch mode', () => {
  it('shows a saved snippet\'s new code and captured error on its slide, without a reload', async () => {
    expect(await editor()).toContain('scores.push(30);')
    await kit.edit(FILE, /scores/g, 'points')
    await expect.poll(editor, { timeout: 60_000 }).toContain('points.push(30);')
    // The capture comes from the check the save started: rustc's own message about the new code.
    await expect.poll(output, { timeout: 60_000 }).toContain('points.push(30)')
    const data = parseLessonModel(await kit.read(LESSON_MODEL_FILE))
    expect(data.snippets['rc/rc-no-mut']!.diagnostics.map(d => d.rendered).join('\n')).toContain('points.push(30)')
    expect(await page.evaluate(() => (window as unknown as { lessonWatchMarker?: string }).lessonWatchMarker)).toBe('same page')
    expect(await page.locator('.snippet-failing').count()).toBe(0)
  })

  it('puts a badge on the slide and a line in the terminal when the snippet breaks its promise', async () => {
    // It compiles now, so `compile-error E0596` is broken.
    await kit.edit(FILE, 'points.push(30);', 'println!("{}", points.len());')
    await expect.poll(() => page.locator('.live-badge-failed').count(), { timeout: 60_000 }).toBe(1)
    await expect.poll(() => page.locator('.snippet-failing').count(), { timeout: 60_000 }).toBe(1)
    expect(await page.locator('.snippet-failing').innerText()).toContain('rc/rc-no-mut fails its promise') // eslint-disable-line unicorn/prefer-dom-node-text-content
    await expect.poll(() => server.log(), { timeout: 10_000 }).toMatch(/watch: ✕ rc\/rc-no-mut now fails its promise/)
    expect(await page.evaluate(() => (window as unknown as { lessonWatchMarker?: string }).lessonWatchMarker)).toBe('same page')
    expect(pageErrors).toEqual([])
  })
})
