/**
 * Every live slide of the lesson, stepped to its end in the dev server at
 * 1280×720 as the class sees it: the newest output line is in view (and
 * the panel says when more is above), the step's changed lines are in the
 * editor's view (all of them when the slide has room; else its longest
 * changed block from its first line), and nothing passes the slide's
 * bottom edge. In presenter view, nothing covers the editor. (That no
 * output line is cut at a panel's side is the legibility rule's, checked on
 * every slide of the published decks by the slide walk.)
 */
import type { Browser, Page } from 'playwright-core'
import type { LiveStep } from '../../core/live-steps.ts'
import type { DevServer } from './dev-server.ts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { deckFile } from '../../adapter/slidev/cli.ts'
import { capturesOf } from '../../core/lesson-model.ts'
import { changedBlock } from '../../core/live-layout.ts'
import { liveSteps } from '../../core/live-steps.ts'
import { drawn, launchChromium } from '../../scripts/lib/browser.ts'
import { KIT_ROOT } from '../../scripts/lib/kit-copy.ts'
import { modelDeck, readLessonModel } from '../../scripts/lib/lesson-model.ts'
import { startDevServer } from './dev-server.ts'

const model = readLessonModel(KIT_ROOT)
const data = capturesOf(model)
const lesson = modelDeck(model, 'lesson')!
/** Each live slide of the lesson: its number and its steps as the check captured them. */
const liveSlides = lesson.shown.flatMap((s, i) => s.slide.components.some(c => c.name === 'LiveSnippet')
  ? [{ n: i + 1, title: s.slide.title ?? '', steps: liveSteps(s.slide.refs.map(r => ({ result: data.snippets[r.id]!, region: r.region })), () => null) as LiveStep[] }]
  : [])

let server: DevServer
let browser: Browser
let page: Page

interface Drawn {
  /** The slide's bottom edge, the panel's bottom. */
  slideBottom: number
  rootBottom: number
  /** The output panel's visible box, the newest line's box, and whether the panel says more is above. */
  output: { top: number, bottom: number, scrolled: boolean, cue: boolean }
  newest: { top: number, bottom: number } | null
  /** The editor's visible box and each line's box (0-based). */
  editor: { top: number, bottom: number }
  lines: { top: number, bottom: number }[]
}

function measure(p: Page, n: number): Promise<Drawn> {
  return p.evaluate((n) => {
    const root = document.querySelector(`.slidev-page-${n} .live-snippet`)!
    const box = (e: Element | Range) => {
      const r = e.getBoundingClientRect()
      return { top: r.top, bottom: r.bottom }
    }
    const out = root.querySelector<HTMLElement>('.live-output-column')!
    // The newest line: the last character that is not white space.
    let newest: { top: number, bottom: number } | null = null
    const walker = document.createTreeWalker(out.querySelector('.terminal-body') ?? out, NodeFilter.SHOW_TEXT)
    let last: Text | null = null
    for (let t = walker.nextNode(); t; t = walker.nextNode()) {
      if ((t.textContent ?? '').trim() && !t.parentElement?.closest('summary, .live-more'))
        last = t as Text
    }
    if (last) {
      const text = last.textContent ?? ''
      const at = text.trimEnd().length - 1
      const range = document.createRange()
      range.setStart(last, at)
      range.setEnd(last, at + 1)
      newest = box(range)
    }
    const slide = root.closest('.slidev-page')!
    return {
      slideBottom: slide.getBoundingClientRect().bottom,
      rootBottom: root.getBoundingClientRect().bottom,
      output: { ...box(out), scrolled: out.scrollTop > 2, cue: !!out.querySelector('.live-more') },
      newest,
      editor: box(root.querySelector('.cm-scroller')!),
      lines: [...root.querySelectorAll('.cm-content > .cm-line')].map(box),
    }
  }, n)
}

/**
 * The slide's live panel once fitting and scrolling have settled after the
 * step's code landed: measured after each drawn frame pair until two
 * measurements agree.
 */
async function settled(p: Page, n: number): Promise<Drawn> {
  let last = ''
  for (let i = 0; i < 200; i++) {
    await drawn(p)
    const d = await measure(p, n)
    const now = JSON.stringify(d)
    if (now === last)
      return d
    last = now
  }
  throw new Error(`slide ${n}: the live panel kept moving for 200 frame pairs`)
}

beforeAll(async () => {
  server = await startDevServer(180_000, { deck: deckFile(KIT_ROOT, 'lesson') })
  browser = await launchChromium()
  page = await browser.newPage({ viewport: { width: 1280, height: 720 } })
  page.setDefaultTimeout(120_000)
  await page.goto(`${server.origin}/#/1`, { waitUntil: 'networkidle', timeout: 240_000 })
  await page.reload({ waitUntil: 'networkidle', timeout: 240_000 })
  await page.evaluate(() => localStorage.clear())
}, 600_000)

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

describe('the lesson\'s live slides at 1280×720', () => {
  it('has its 16 live slides', () => {
    expect(liveSlides.length).toBe(16)
  })

  for (const slide of liveSlides) {
    it(`${slide.n} ${slide.title}: every step shows its newest output line and its change`, async () => {
      await page.goto(`${server.origin}/#/${slide.n}`, { waitUntil: 'commit' })
      const root = page.locator(`.slidev-page-${slide.n} .live-snippet`)
      await root.locator('.rust-editor[data-ready]').waitFor()
      for (const [i, step] of slide.steps.entries()) {
        if (i > 0)
          await page.keyboard.press('ArrowRight')
        await expect.poll(() => root.getAttribute('data-step-index').then(Number)).toBe(i)
        const d = await settled(page, slide.n)
        const where = `slide ${slide.n} step ${i + 1} (${step.id})`
        expect(d.rootBottom, `${where}: the panel passes the slide's bottom edge`).toBeLessThanOrEqual(d.slideBottom + 0.5)
        expect(d.newest, `${where}: no output shown`).not.toBeNull()
        expect(d.newest!.bottom, `${where}: the newest output line is cut`).toBeLessThanOrEqual(d.output.bottom + 0.5)
        expect(d.newest!.top, `${where}: the newest output line is above the panel`).toBeGreaterThanOrEqual(d.output.top - 0.5)
        expect(d.output.cue, `${where}: output scrolled without saying so`).toBe(d.output.scrolled)

        const inView = (l: number) => d.lines[l] !== undefined && d.lines[l]!.top >= d.editor.top - 0.5 && d.lines[l]!.bottom <= d.editor.bottom + 0.5
        const all = step.changed.every(inView)
        if (!all) {
          // The slide has no room for the whole change: its longest block shows, from its first line.
          const block = changedBlock(step.changed)!
          const lineHeight = d.lines[0]!.bottom - d.lines[0]!.top
          const span = (Math.max(...step.changed) - Math.min(...step.changed) + 1) * lineHeight
          expect(span, `${where}: changed lines out of view though the editor could show them all`).toBeGreaterThan(d.editor.bottom - d.editor.top)
          expect(inView(block.first), `${where}: the first line of the changed block is out of view`).toBe(true)
          // Either the whole block is in view, or the block fills the editor.
          const lastInView = Math.max(...d.lines.map((_, l) => l).filter(inView))
          expect(inView(block.last) || lastInView <= block.last + 1, `${where}: the editor shows more than the changed block, yet not all of it`).toBe(true)
        }
      }
    })
  }

  it('serves the exercises, and gives their URL on each exercise slide', async () => {
    const page404 = await fetch(`${server.origin}/exercises/nope.rs`)
    expect(page404.status).toBe(404)
    const index = await fetch(`${server.origin}/exercises/`)
    expect(index.headers.get('content-type')).toMatch(/text\/html/)
    expect(await index.text()).toContain('<h1>Exercises</h1>')
    const exerciseSlides = lesson.shown.flatMap((s, i) => s.frontmatter.exercise === true ? [{ n: i + 1, topic: /([\w-]+)\.md$/.exec(s.file)![1]! }] : [])
    expect(exerciseSlides.length).toBe(9)
    for (const { n, topic } of exerciseSlides) {
      await page.goto(`${server.origin}/#/${n}`, { waitUntil: 'commit' })
      const link = page.locator('.exercise-link a')
      await link.waitFor({ timeout: 30_000 })
      const href = (await link.getAttribute('href'))!
      expect(href).toBe(`${server.origin}/exercises/#ex-${topic}`)
      expect(await link.textContent()).toBe(href)
      const starter = await fetch(`${server.origin}/exercises/${topic}/starter.rs`)
      expect(starter.status, `${topic}'s starter`).toBe(200)
      expect(await starter.text()).toContain('todo!(')
    }
  })

  it('leaves the editor uncovered in presenter view', async () => {
    for (const slide of liveSlides) {
      await page.goto(`${server.origin}/#/presenter/${slide.n}`, { waitUntil: 'commit' })
      const editor = page.locator(`.slidev-page-${slide.n} .live-snippet .cm-scroller`).first()
      await editor.waitFor()
      await drawn(page)
      const r = (await editor.boundingBox())!
      for (const x of [0.1, 0.5, 0.9]) {
        for (const y of [0.2, 0.5, 0.9]) {
          const hit = await page.evaluate(([px, py]) => !!document.elementFromPoint(px!, py!)?.closest('.cm-scroller'), [r.x + r.width * x, r.y + r.height * y])
          expect(hit, `presenter ${slide.n}: something covers the editor at ${x},${y}`).toBe(true)
        }
      }
      expect(await page.locator(`.slidev-page-${slide.n} .live-presenter`).first().isVisible(), `presenter ${slide.n}: no next-step hint`).toBe(true)
    }
  })
})
