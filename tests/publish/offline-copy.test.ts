import type { Browser, BrowserContext } from 'playwright-core'
import type { PublishManifest } from '../../scripts/lib/publish/pipeline.ts'
import type { StaticServer } from '../../scripts/lib/static-server.ts'
/**
 * The learner's copy, as a learner gets it, in a real browser with the
 * network off:
 * - every published deck opens from `file://` (a double-click on its
 *   index.html) and renders every slide, each jumped to at its last step
 *   (as many as the lesson model says, animations at their end), and one
 *   topic deck steps through every click with the keyboard, with no
 *   request beyond its own folder and no console error (whether each step
 *   fits the canvas is site.test.ts's, over http, on the same files);
 * - the whole-site zip the index offers unpacks into a copy that opens the
 *   same way;
 * - a hosted deck visited once reloads with the network off (service worker);
 * - "Keep everything offline" keeps every page and file: with the server
 *   stopped, the pages, decks, starters, archives and PDFs all open, the
 *   search finds a learner's text, and the index and a deck say they are kept;
 * - a `<Quiz>` is answered with the keyboard, says right or wrong in a live
 *   region, keeps the answer and the index shows the progress; axe finds
 *   nothing on it in light or dark.
 *
 * The site comes from `npm run publish -- --no-pdf --out <tmp>` in this
 * test, or from PUBLISHED_SITE=<dir> when one was just made.
 */
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { capturesOf } from '../../core/lesson-model.ts'
import { buildQuiz } from '../../core/quiz.ts'
import { LESSON_ID, TOPIC_IDS } from '../../core/topics.ts'
import { launchChromium } from '../../scripts/lib/browser.ts'
import { modelDeck, readLessonModel } from '../../scripts/lib/lesson-model.ts'
import { run } from '../../scripts/lib/process.ts'
import { DOWNLOAD_NAME } from '../../scripts/lib/publish/offline.ts'
import { serveStatic } from '../../scripts/lib/static-server.ts'
import { readQuizzes } from '../../scripts/lib/vite-quizzes.ts'
import { audit, describeFindings } from '../a11y/audit.ts'
import { walkDeck } from './deck-walker.ts'

const root = fileURLToPath(new URL('../..', import.meta.url))
const BASE = '/courses/rust/'

let site: string
let made: string | null = null
let manifest: PublishManifest
let browser: Browser

beforeAll(async () => {
  if (process.env.PUBLISHED_SITE) {
    site = resolve(process.env.PUBLISHED_SITE)
  }
  else {
    made = await mkdtemp(join(tmpdir(), 'offline-site-'))
    site = join(made, 'site')
    const result = await run(join(root, 'node_modules', '.bin', 'tsx'), ['scripts/publish.ts', '--no-pdf', '--out', site], { cwd: root })
    if (result.exitCode !== 0)
      throw new Error(`npm run publish failed (exit ${result.exitCode}):\n${result.stderr.split('\n').slice(-40).join('\n')}`)
  }
  manifest = JSON.parse(await readFile(join(site, 'publish.json'), 'utf8')) as PublishManifest
  browser = await launchChromium()
}, 1_800_000)

afterAll(async () => {
  await browser?.close()
  if (made)
    await rm(made, { recursive: true, force: true })
})

/** A context with no network; records every error, and any request for something not in the site's folder (`within`). */
async function offlineContext(problems: string[], within = site): Promise<BrowserContext> {
  const inside = pathToFileURL(within).href
  // Reduced motion: a click's changes are measured once two frames are drawn (`deck-walker.ts`).
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' })
  await context.setOffline(true)
  context.on('page', (page) => {
    page.on('console', (m) => {
      if (m.type() === 'error')
        problems.push(`console error at ${page.url()}: ${m.text()}`)
    })
    page.on('pageerror', e => problems.push(`uncaught ${e.message} at ${page.url()}`))
    page.on('request', (r) => {
      if (!/^(?:data|blob):/.test(r.url()) && !r.url().startsWith(`${inside}/`))
        problems.push(`request beyond the site's folder: ${r.url()}`)
    })
  })
  return context
}

const decks = [...TOPIC_IDS, LESSON_ID]
/** The deck also stepped through click by click from disk. */
const STEPPED = 'rc'

describe('from disk, network off', () => {
  it.each(decks)('%s: opens from file://, renders every slide at its last step', async (deck) => {
    expect(manifest.decks).toContain(deck)
    const problems: string[] = []
    const context = await offlineContext(problems)
    const page = await context.newPage()
    // Each slide jumped to (`#/<n>?clicks=999`), its own files loaded as it shows; → finds the next and the end.
    const walk = await walkDeck(page, pathToFileURL(join(site, deck, 'index.html')).href, { step: () => false, overflow: false })
    const text = await page.evaluate(() => document.body.textContent ?? '')
    await context.close()
    const shown = modelDeck(readLessonModel(root), deck)!.shown
    expect(walk.map(w => w.slide), 'slides rendered, as many as the lesson model has').toEqual(shown.map((_, i) => i + 1))
    const unfinished = walk.flatMap(w => w.states.at(-1)!.animations.filter(a => a.step !== a.steps).map(a => `slide ${w.slide} (${shown[w.slide - 1]!.file}:${shown[w.slide - 1]!.line}): ${a.label} at ${a.step}/${a.steps}`))
    expect(unfinished).toEqual([])
    expect(text.length).toBeGreaterThan(0)
    expect(problems).toEqual([])
  })

  it(`${STEPPED}: steps from file:// through every click with the keyboard`, async () => {
    const problems: string[] = []
    const context = await offlineContext(problems)
    const page = await context.newPage()
    const walk = await walkDeck(page, pathToFileURL(join(site, STEPPED, 'index.html')).href, { overflow: false })
    await context.close()
    expect(walk.length, 'slides').toBe(modelDeck(readLessonModel(root), STEPPED)!.shown.length)
    expect(walk.map(w => w.slide)).toEqual(walk.map((_, i) => i + 1))
    // Click steps happened, one at a time, and animations reached their last step on the slide's last.
    expect(walk.some(w => w.clicks.length > 1)).toBe(true)
    expect(walk.filter(w => w.clicks.join() !== w.clicks.map((_, i) => i).join()).map(w => `slide ${w.slide}: ${w.clicks.join(', ')}`)).toEqual([])
    const unfinished = walk.flatMap(w => w.states.at(-1)!.animations.filter(a => a.step !== a.steps).map(a => `slide ${w.slide}: ${a.label} at ${a.step}/${a.steps}`))
    expect(unfinished).toEqual([])
    expect(walk.some(w => w.states.some(s => s.animations.some(a => a.step < a.steps))), 'an animation seen before its last step').toBe(true)
    expect(problems).toEqual([])
  })

  it('shows the captured output and rustc\'s error on the rc deck', async () => {
    const context = await offlineContext([])
    const page = await context.newPage()
    const url = pathToFileURL(join(site, 'rc', 'index.html')).href
    let output = false
    let error = false
    for (let n = 1; n <= 20 && !(output && error); n++) {
      await page.goto(`${url}#/${n}`)
      const slide = page.locator(`.slidev-page-${n}`)
      await slide.waitFor()
      const text = await slide.textContent() ?? ''
      output ||= /cargo run -q --bin clone-counts[\s\S]*after b: +strong = 2/.test(text)
      error ||= /error\[E0382\]: use of moved value: `song`/.test(text)
    }
    await context.close()
    expect({ output, error }).toEqual({ output: true, error: true })
  })

  it('printed (as the PDF is), a question asks without answering, and the topic\'s last slide answers them all', async () => {
    const context = await offlineContext([])
    const page = await context.newPage()
    await page.goto(`${pathToFileURL(join(site, 'rc', 'index.html')).href}?print=clicks#/print`)
    await page.locator('#print-content').waitFor()
    await page.waitForFunction(() => document.querySelectorAll('.slidev-slide-loading').length === 0)
    const printed = await page.evaluate(() => ({
      asked: document.querySelectorAll('[data-quiz] .quiz-later').length,
      revealed: document.querySelectorAll('[data-quiz] .quiz-mark, [data-quiz] .quiz-explain').length,
      answers: [...document.querySelectorAll('.quiz-answers li')].map(li => li.querySelector('.qa-a')?.textContent ?? ''),
    }))
    await context.close()
    // Each question prints once, unanswered: outside class a question has no reveal click.
    expect(printed.asked).toBe(3)
    expect(printed.revealed).toBe(0)
    // The right answers the check derives from its captures, in slide order.
    const data = capturesOf(readLessonModel(root))
    const specs = (await readQuizzes(root)).rc!
    expect(specs.length).toBe(3)
    expect(printed.answers).toEqual(specs.map(spec => buildQuiz(spec, data).model!.choices.find(c => c.correct)!.text))
  })

  it.runIf(existsSync('/usr/bin/unzip'))('the whole-site zip the index offers unpacks into a copy that opens from disk', async () => {
    const index = await readFile(join(site, 'index.html'), 'utf8')
    expect(index).toContain(`<a href="./${DOWNLOAD_NAME}" download>Download the whole site</a>`)
    const out = await mkdtemp(join(tmpdir(), 'offline-zip-'))
    try {
      execFileSync('unzip', ['-q', join(site, DOWNLOAD_NAME), '-d', out])
      const copy = join(out, 'lesson-2.2')
      for (const deck of manifest.decks)
        expect(existsSync(join(copy, deck, 'index.html')), `${deck} in the zip`).toBe(true)
      expect(await readFile(join(copy, 'index.html'), 'utf8')).toContain('This is the downloaded copy of the site')
      const problems: string[] = []
      const context = await offlineContext(problems, copy)
      const page = await context.newPage()
      await page.goto(pathToFileURL(join(copy, 'index.html')).href)
      await page.getByRole('link', { name: 'Slides' }).first().click()
      await page.locator('.slidev-page-1 .slidev-layout').waitFor()
      expect(page.url()).toMatch(/^file:.*\/lesson-2\.2\/concrete-lifetimes\/index\.html#\/1/)
      await context.close()
      expect(problems).toEqual([])
    }
    finally {
      await rm(out, { recursive: true, force: true })
    }
  })
})

describe('hosted', () => {
  let server: StaticServer
  beforeAll(async () => {
    server = await serveStatic(site, BASE)
  })
  afterAll(async () => {
    await server?.close()
  })

  it('a deck visited once reloads with the network off', async () => {
    // A server of its own, to stop: the browser's offline switch does not reach a service worker's fetches.
    const own = await serveStatic(site, BASE)
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } })
    const page = await context.newPage()
    await page.goto(`${own.url}rc/#/3`)
    await page.locator('.slidev-page-3 .slidev-layout').waitFor()
    // The worker answers once every file of the deck is kept.
    await page.waitForFunction(() => document.documentElement.dataset.offline === 'ready', undefined, { timeout: 30_000 })
    await own.close()
    await context.setOffline(true)
    await page.reload()
    await page.locator('.slidev-page-3 .slidev-layout').waitFor({ timeout: 15_000 })
    await page.goto(`${own.url}rc/index.html#/5`)
    await page.locator('.slidev-page-5 .slidev-layout').waitFor({ timeout: 15_000 })
    // The index was kept at install.
    await page.goto(own.url)
    await expect(page.locator('h1').textContent()).resolves.toMatch(/Lesson 2\.2/)
    // A deck never opened is not there: the worker keeps what was visited (the server is really gone).
    const other = await page.goto(`${own.url}box/`).then(r => r?.ok() ?? false, () => false)
    expect(other).toBe(false)
    await context.close()
  })

  it('"Keep everything offline" keeps every kind of file: with the server gone, each opens, and the index and a deck say so', async () => {
    // A server of its own, to stop: the browser's offline switch does not reach a service worker's fetches.
    const own = await serveStatic(site, BASE)
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } })
    const page = await context.newPage()
    await page.goto(own.url)
    await page.getByRole('button', { name: 'Keep everything offline' }).click()
    await expect(page.locator('#keep-status').textContent()).resolves.toBeDefined()
    // Every file of the site, about 1,400 since each deck is chunked: 6 s on an idle
    // machine, minutes when the other browser walks share its two cores.
    await page.waitForFunction(() => /^(?:Everything|Not kept)/.test(document.getElementById('keep-status')?.textContent ?? ''), undefined, { timeout: 240_000 })
    await expect(page.locator('#keep-status').textContent()).resolves.toBe('Everything is kept offline in this browser.')
    // The marks: everything, and each topic's deck.
    await page.locator('#offline-all').waitFor({ state: 'visible' })
    for (const id of TOPIC_IDS)
      await page.locator(`[data-offline-deck="${id}"]`).waitFor({ state: 'visible' })
    await own.close()
    await context.setOffline(true)
    // Every kind of file, through the worker: pages, decks, a starter, the archives, the PDFs when published.
    const files = ['index.html', 'glossary.html', 'search.html', 'exercises/index.html', 'exercises/rc/starter.rs', 'exercises/lesson-2.2-exercises.tar.gz', 'exercises/lesson-2.2-solutions.tar.gz', ...manifest.pdfs.map(d => `pdf/${d}.pdf`), ...manifest.clickPdfs.map(d => `pdf/${d}-clicks.pdf`)]
    const got = await page.evaluate(async (paths) => {
      const out: Record<string, string> = {}
      for (const p of paths) {
        const response = await fetch(p).catch(() => null)
        out[p] = response?.ok ? `${(await response.arrayBuffer()).byteLength} bytes` : `failed (${response?.status ?? 'network'})`
      }
      return out
    }, files)
    for (const [path, result] of Object.entries(got))
      expect(result, path).toMatch(/^[1-9]\d* bytes$/)
    // The search works offline: it finds the learner's text.
    await page.goto(`${own.url}search.html?q=poisoned`)
    await expect(page.locator('#results li').first().textContent()).resolves.toMatch(/poison/i)
    // A deck never opened before opens, and says it is kept.
    await page.goto(`${own.url}box/index.html#/2`)
    await page.locator('.slidev-page-2 .slidev-layout').waitFor({ timeout: 15_000 })
    await page.locator('[data-offline-kept]').waitFor({ state: 'visible', timeout: 15_000 })
    await context.close()
  })

  it('a quiz is answered with the keyboard, announces the result, keeps it, and the index counts it; axe-clean light and dark', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' })
    const page = await context.newPage()
    await page.goto(`${server.url}rc/#/1`)
    await page.locator('.slidev-page-1 .slidev-layout').waitFor()
    // The first quiz slide of the deck.
    const n = await page.evaluate(async () => {
      for (let i = 1; i < 200; i++) {
        location.hash = `#/${i}`
        await new Promise(r => setTimeout(r, 150))
        if (document.querySelector(`.slidev-page-${i} [data-quiz]`))
          return i
      }
      return 0
    })
    expect(n).toBeGreaterThan(0)
    const quiz = page.locator(`.slidev-page-${n} [data-quiz]`)
    const radios = quiz.getByRole('radio')
    const count = await radios.count()
    expect(count).toBeGreaterThanOrEqual(3)
    expect(await quiz.getByRole('group').count()).toBe(1)
    // Keyboard: focus the group, arrow to the right choice, Tab to the button, Enter.
    const texts = await quiz.locator('.quiz-choice .quiz-text').allTextContents()
    await radios.first().focus()
    await page.keyboard.press('Space')
    await expect(radios.first().isChecked()).resolves.toBe(true)
    await page.keyboard.press('ArrowDown')
    await expect(radios.nth(1).isChecked()).resolves.toBe(true)
    // Still on the quiz slide: arrows moved the choice, not the deck.
    expect(page.url()).toMatch(new RegExp(`#/${n}$`))
    await page.keyboard.press('Tab')
    await page.keyboard.press('Enter')
    const status = quiz.getByRole('status')
    await expect(status.getAttribute('aria-live')).resolves.toBe('polite')
    await expect(status.textContent()).resolves.toMatch(/^(?:Right: that is what really happened\.|Not this time: the real outcome is marked\.)$/)
    const picked = texts[1]!
    const right = await quiz.locator('.is-right .quiz-text').textContent()
    expect(await status.textContent()).toBe(right === picked ? 'Right: that is what really happened.' : 'Not this time: the real outcome is marked.')
    await expect(quiz.locator('.quiz-explain').isVisible()).resolves.toBe(true)
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme })
      await page.evaluate(dark => document.documentElement.classList.toggle('dark', dark), scheme === 'dark')
      const findings = await audit(page, `rc #${n} ${scheme}`, `.slidev-page-${n}`)
      expect(describeFindings(findings)).toBe('')
    }
    // Kept across a reload, and counted on the index.
    await page.reload()
    await page.locator(`.slidev-page-${n} [data-quiz] .is-right`).waitFor()
    await page.goto(server.url)
    await expect(page.locator('#rc .quiz-progress').textContent()).resolves.toMatch(/^Quiz: 1 of 3 answered, [01] right$/)
    await context.close()
  })
})
