/**
 * A live slide of the real lesson (the refcell deck's), played in Chromium
 * as an instructor and a learner would: in the dev server (Run compiles for
 * real) and in a built deck (recorded outputs, offline). Every step's code,
 * marked lines and output are compared with what the check captured; an
 * edit that fails to compile, an edit kept across a reload, the keyboard
 * alone, axe in light and dark, and reduced motion.
 */
import type { Browser, Page } from 'playwright-core'
import type { LiveStep } from '../../core/live-steps.ts'
import type { Finding } from '../a11y/audit.ts'
import type { DevServer } from './dev-server.ts'
import { existsSync, readFileSync } from 'node:fs'
import { mkdtemp, rm, symlink } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildDeck, deckFile } from '../../adapter/slidev/cli.ts'
import { parseDeck } from '../../adapter/slidev/parser.ts'
import { stripAnsi } from '../../core/ansi.ts'
import { capturesOf } from '../../core/lesson-model.ts'
import { composeProgram } from '../../core/live-code.ts'
import { liveSteps, parseStepRef } from '../../core/live-steps.ts'
import { launchChromium } from '../../scripts/lib/browser.ts'
import { KIT_ROOT } from '../../scripts/lib/kit-copy.ts'
import { readLessonModel } from '../../scripts/lib/lesson-model.ts'
import { serveStatic } from '../../scripts/lib/static-server.ts'
import { audit } from '../a11y/audit.ts'
import { startDevServer } from './dev-server.ts'

const DECK = 'refcell'
const markdown = readFileSync(deckFile(KIT_ROOT, DECK), 'utf8')
const data = capturesOf(readLessonModel(KIT_ROOT))
/** The deck's first live slide's steps, read from its markdown, and what the check captured for each. */
const stepRefs = /:steps="\[([^\]]*)\]"/.exec(markdown)![1]!.match(/'[^']*'/g)!.map(s => parseStepRef(s.slice(1, -1), undefined))
const steps: LiveStep[] = liveSteps(stepRefs.map(r => ({ result: data.snippets[r.id]!, region: r.region })), () => null)

let browser: Browser

/** The text as rendered (Playwright's, not the DOM's innerText). */
function shown(page: Page, selector: string): Promise<string> {
  return page.locator(selector).first().innerText() // eslint-disable-line unicorn/prefer-dom-node-text-content
}

/** The deck's first live slide (1-based), as Slidev numbers the deck's slides. */
const n = parseDeck(markdown, deckFile(KIT_ROOT, DECK)).slides.findIndex(s => s.content.includes('<LiveSnippet')) + 1

function ui(page: Page, n: number) {
  const root = `.slidev-page-${n} .live-snippet`
  return {
    root,
    code: () => shown(page, `${root} .cm-content`),
    output: () => shown(page, `${root} .live-output`),
    index: () => page.locator(root).getAttribute('data-step-index').then(Number),
    marked: () => page.locator(`${root} .cm-step-changed`).count(),
    editor: page.locator(`${root} .cm-content`),
    run: page.locator(`${root} .live-run`),
    // This step's Reset, not Reset all (the slide has several steps).
    reset: page.locator(root).getByRole('button', { name: /Reset$/ }),
    playground: page.locator(`${root} .live-play`),
  }
}

/** Every step in turn, moved by the → key: code, marked lines and recorded output as the check captured them. */
async function playEverySteps(page: Page, n: number): Promise<void> {
  const live = ui(page, n)
  await live.editor.waitFor({ timeout: 120_000 })
  for (const [i, step] of steps.entries()) {
    if (i > 0)
      await page.keyboard.press('ArrowRight')
    await expect.poll(live.index, { timeout: 30_000 }).toBe(i)
    await expect.poll(live.code, { timeout: 30_000 }).toBe(step.code)
    expect(await live.marked()).toBe(step.changed.length)
    const out = await live.output()
    expect(out).toContain('recorded run · rustc')
    for (const line of [...stripAnsi(step.recorded.stdout).split('\n'), ...stripAnsi(step.recorded.stderr).split('\n')].filter(l => l.trim()))
      expect(out).toContain(line.trim())
    for (const code of step.codes)
      expect(out).toContain(code)
  }
}

beforeAll(async () => {
  browser = await launchChromium()
  expect(steps.length).toBeGreaterThanOrEqual(2)
  expect(n).toBeGreaterThan(0)
})

afterAll(async () => {
  await browser?.close()
})

describe('a live slide of the lesson in the dev server', () => {
  let server: DevServer
  let page: Page
  const errors: string[] = []

  beforeAll(async () => {
    server = await startDevServer(180_000, { deck: deckFile(KIT_ROOT, DECK) })
    page = await browser.newPage({ viewport: { width: 1280, height: 720 } })
    page.setDefaultTimeout(120_000)
    await page.goto(`${server.origin}/#/1`, { waitUntil: 'networkidle', timeout: 180_000 })
    await page.reload({ waitUntil: 'networkidle', timeout: 180_000 })
    await page.evaluate(() => localStorage.clear())
    await page.goto(`${server.origin}/#/${n}`, { waitUntil: 'networkidle', timeout: 180_000 })
    page.on('pageerror', e => errors.push(e.message))
  })

  afterAll(async () => {
    await page?.close()
    await server?.close()
  })

  it('plays every step with its captured code and output', async () => {
    await playEverySteps(page, n)
  })

  it('runs the step for real', async () => {
    const live = ui(page, n)
    await live.run.click()
    await expect.poll(live.output, { timeout: 120_000 }).toMatch(/live run/)
    const last = steps.at(-1)!
    expect(await live.output()).toContain(last.recorded.outcome === 'ok' ? 'ran · exit 0' : 'panicked')
    for (const line of last.recorded.stdout.split('\n').filter(l => l.trim()))
      expect(await live.output()).toContain(line)
  })

  it('takes an edit from the keyboard alone, runs it with Ctrl+Enter, and shows that it does not compile', async () => {
    await page.goto(`${server.origin}/#/${n}`, { waitUntil: 'networkidle' })
    const live = ui(page, n)
    await live.editor.waitFor()
    await expect.poll(live.index, { timeout: 15_000 }).toBe(0)
    // Tab into the editor, as a keyboard user does.
    for (let i = 0; i < 40 && !await page.evaluate(() => document.activeElement?.classList.contains('cm-content')); i++)
      await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.classList.contains('cm-content'))).toBe(true)
    await page.keyboard.press('Control+End')
    await page.keyboard.press('Enter')
    await page.keyboard.insertText('let broken: i32 = "text";')
    // Arrows edit while the editor has the keyboard: still the first step.
    await page.keyboard.press('ArrowLeft')
    expect(await live.index()).toBe(0)
    await page.keyboard.press('Control+Enter')
    await expect.poll(live.output, { timeout: 120_000 }).toMatch(/does not compile/)
    expect(await live.output()).toMatch(/error\[E0308\]: mismatched types/)
    // Escape gives the keyboard back to the slides.
    await page.keyboard.press('Escape')
    await page.keyboard.press('ArrowRight')
    await expect.poll(live.index, { timeout: 15_000 }).toBe(1)
    await expect.poll(live.code, { timeout: 15_000 }).toBe(steps[1]!.code)
    await page.keyboard.press('ArrowLeft')
    await expect.poll(live.code, { timeout: 15_000 }).toContain('let broken: i32 = "text";')
  })

  it('keeps the edit across a reload, and Reset returns to the step', async () => {
    await page.reload({ waitUntil: 'networkidle' })
    const live = ui(page, n)
    await live.editor.waitFor()
    await expect.poll(live.code, { timeout: 15_000 }).toContain('let broken')
    await live.reset.click()
    await expect.poll(live.code, { timeout: 15_000 }).toBe(steps[0]!.code)
    await page.reload({ waitUntil: 'networkidle' })
    await ui(page, n).editor.waitFor()
    expect(await ui(page, n).code()).toBe(steps[0]!.code)
  })

  it('raised no page errors', () => {
    expect(errors).toEqual([])
  })
})

describe('a live slide of the lesson in a built deck', () => {
  let out: string
  let server: Awaited<ReturnType<typeof serveStatic>>

  beforeAll(async () => {
    out = await mkdtemp(join(tmpdir(), 'live-built-'))
    // The site `npm test` published, when it names one: each deck is built once per run.
    const published = process.env.PUBLISHED_SITE && join(resolve(process.env.PUBLISHED_SITE), DECK)
    if (published && existsSync(join(published, 'index.html')))
      await symlink(published, join(out, DECK))
    else await buildDeck(KIT_ROOT, DECK, join(out, DECK))
    server = await serveStatic(out)
  })

  afterAll(async () => {
    await server?.close()
    if (out)
      await rm(out, { recursive: true, force: true })
  })

  async function open(scheme: 'light' | 'dark' = 'light'): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, colorScheme: scheme, reducedMotion: 'reduce' })
    const page = await context.newPage()
    page.setDefaultTimeout(60_000)
    await page.goto(`${server.url}${DECK}/#/${n}`, { waitUntil: 'networkidle' })
    await ui(page, n).editor.waitFor()
    return page
  }

  it('plays every step offline with the recorded outputs, and offers no Run', async () => {
    const page = await open()
    const requests: string[] = []
    page.on('request', r => requests.push(r.url()))
    await playEverySteps(page, n)
    expect(await ui(page, n).run.count()).toBe(0)
    expect(requests.filter(u => !u.startsWith(server.url))).toEqual([])
    await page.context().close()
  })

  it('keeps a free edit in the browser and links the whole program to the Rust Playground', async () => {
    const page = await open()
    const live = ui(page, n)
    await live.editor.click()
    await page.keyboard.press('Control+End')
    await page.keyboard.press('Enter')
    await page.keyboard.insertText('println!("mine");')
    await live.playground.waitFor()
    const href = await live.playground.getAttribute('href')
    const code = new URL(href!).searchParams.get('code')!
    expect(code).toBe(composeProgram(steps[0]!.program, `${steps[0]!.code}\nprintln!("mine");`))
    await page.reload({ waitUntil: 'networkidle' })
    await ui(page, n).editor.waitFor()
    await expect.poll(ui(page, n).code).toContain('println!("mine");')
    await page.context().close()
  })

  it('prints one page per step: its code as plain text and its recorded output', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } })
    const page = await context.newPage()
    await page.goto(`${server.url}${DECK}/?print=clicks#/print`, { waitUntil: 'load' })
    await page.locator('#print-content').waitFor({ timeout: 120_000 })
    const pages = page.locator('.print-slide-container').filter({ has: page.locator('.live-snippet') })
    await expect.poll(() => pages.count(), { timeout: 60_000 }).toBe(steps.length)
    for (const [i, step] of steps.entries()) {
      const one = pages.nth(i)
      expect(await one.locator('.cm-editor').count()).toBe(0)
      const code = await one.locator('.rust-editor-plain').innerText() // eslint-disable-line unicorn/prefer-dom-node-text-content
      for (const line of step.code.split('\n').filter(l => l.trim()))
        expect(code).toContain(line.trim())
      const out = await one.locator('.live-output').innerText() // eslint-disable-line unicorn/prefer-dom-node-text-content
      for (const line of stripAnsi(step.recorded.stdout + step.recorded.stderr).split('\n').filter(l => l.trim()))
        expect(out).toContain(line.trim())
    }
    await context.close()
  })

  it('passes axe on the live slide in light and dark, with no motion when motion is reduced', async () => {
    const findings: Finding[] = []
    for (const scheme of ['light', 'dark'] as const) {
      const page = await open(scheme)
      for (const i of steps.keys()) {
        if (i > 0)
          await page.keyboard.press('ArrowRight')
        await expect.poll(ui(page, n).index).toBe(i)
        findings.push(...await audit(page, `${DECK} #${n} step ${i + 1} ${scheme}`, `.slidev-page-${n}`))
        const moving = await page.evaluate(sel => document.querySelector(sel)!.getAnimations({ subtree: true }).length, ui(page, n).root)
        expect(moving).toBe(0)
      }
      await page.context().close()
    }
    expect(findings.map(f => `${f.where}: ${f.rule} ${f.target}: ${f.summary}`)).toEqual([])
  })
})
