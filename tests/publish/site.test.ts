import type { Browser, Page } from 'playwright-core'
import type { PublishManifest } from '../../scripts/lib/publish/pipeline.ts'
import type { StaticServer } from '../../scripts/lib/static-server.ts'
import type { SlideWalk } from './deck-walker.ts'
/**
 * The published site in a real browser, served from a sub-path as a course
 * platform would: every slide of every deck renders without a console
 * error, fits the slide canvas and steps to its last click; no request
 * leaves the site; every link on the index resolves; the click-by-click
 * PDFs have a page per click step and none is blank; the handouts have a
 * page per slide with its learner's text; no speaker note reached the
 * learners.
 *
 * Each topic deck is walked click by click. The whole lesson is too, on its
 * own slides (slides/lesson.md); the slides it takes from the topic decks,
 * stepped through in their own deck, are not visited here: the walk of every
 * slide (`../browser/slide-walk.ts`) shows each at its last step at the same
 * sub-path, watching for console errors and requests off the site, and holds
 * it to its topic slide as drawn there (boxes, so within the canvas, and
 * animations at their end included).
 *
 * The site comes from `npm run publish -- --out <tmp>` in this test (the
 * check included), or from PUBLISHED_SITE=<dir> when one was just made.
 */
import { existsSync, readFileSync } from 'node:fs'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../../scripts/lib/browser.ts'
import { listDeckIds } from '../../scripts/lib/decks.ts'
import { modelDeck, readLessonModel } from '../../scripts/lib/lesson-model.ts'
import { run } from '../../scripts/lib/process.ts'
import { serveStatic } from '../../scripts/lib/static-server.ts'
import { walkDeck } from './deck-walker.ts'
import { clickMarkers, notePhrases } from './notes.ts'
import { watchPage } from './page-watch.ts'
import { pageInk, pdfPageCount, unloadedPages } from './pdf.ts'

const root = fileURLToPath(new URL('../..', import.meta.url))
const BASE = '/courses/rust/'
/** A page with less ink than this is blank: a slide's title alone is about 0.3%. */
const MIN_INK = 0.001

let site: string
let made: string | null = null
let manifest: PublishManifest
let server: StaticServer
let browser: Browser
const walks = new Map<string, SlideWalk[]>()
const problems: string[] = []

function watch(page: Page, deck: string): void {
  watchPage(page, server.url, problems, () => `${deck} at ${page.url()}`)
}

beforeAll(async () => {
  if (process.env.PUBLISHED_SITE) {
    site = resolve(process.env.PUBLISHED_SITE)
  }
  else {
    made = await mkdtemp(join(tmpdir(), 'published-'))
    site = join(made, 'site')
    const result = await run(join(root, 'node_modules', '.bin', 'tsx'), ['scripts/publish.ts', '--out', site], { cwd: root })
    if (result.exitCode !== 0)
      throw new Error(`npm run publish failed (exit ${result.exitCode}):\n${result.stderr.split('\n').slice(-40).join('\n')}`)
    expect(result.stderr).toMatch(/publish: build {2}\[1\/\d+\] \S+ done in/)
    expect(result.stderr).toMatch(/publish: total \d+\.\d s/)
  }
  manifest = JSON.parse(await readFile(join(site, 'publish.json'), 'utf8')) as PublishManifest
  server = await serveStatic(site, BASE)
  browser = await launchChromium()
}, 1_200_000)

afterAll(async () => {
  await browser?.close()
  await server?.close()
  if (made)
    await rm(made, { recursive: true, force: true })
})

describe('the published site', () => {
  it('index: every link resolves inside the site', async () => {
    const page = await browser.newPage()
    watch(page, 'index')
    await page.goto(server.url, { waitUntil: 'load' })
    const hrefs = await page.$$eval('a[href]', as => as.map(a => (a as HTMLAnchorElement).href))
    expect(hrefs.length).toBeGreaterThan(manifest.decks.length)
    for (const deck of manifest.decks)
      expect(hrefs).toContain(`${server.url}${deck}/index.html`)
    for (const pdf of manifest.pdfs)
      expect(hrefs).toContain(`${server.url}pdf/${pdf}.pdf`)
    const broken: string[] = []
    for (const href of new Set(hrefs.map(h => h.replace(/#.*$/, '')))) {
      if (!href.startsWith(server.url)) {
        broken.push(`${href} leaves the site`)
        continue
      }
      const response = await page.request.get(href)
      if (!response.ok())
        broken.push(`${href}: ${response.status()}`)
    }
    // In-page anchors point at something.
    for (const id of await page.$$eval('a[href^="#"]', as => as.map(a => a.getAttribute('href')!.slice(1))))
      expect(await page.locator(`[id="${id}"]`).count(), `#${id}`).toBe(1)
    await page.close()
    expect(broken.join('\n')).toBe('')
    expect(problems.filter(p => p.startsWith('index')).join('\n')).toBe('')
  })

  it('leaves every speaker note out of the web decks', async () => {
    expect(manifest.notes).toBe(false)
    const phrases = await notePhrases(root)
    expect(phrases.length).toBeGreaterThan(0)
    const leaks: string[] = []
    for (const deck of manifest.decks) {
      const dir = join(site, deck)
      for (const file of (await readdir(dir, { recursive: true })).filter(f => /\.(?:js|html|css|json)$/.test(f))) {
        const text = await readFile(join(dir, file), 'utf8')
        for (const p of phrases.filter(p => text.includes(p.phrase)))
          leaks.push(`${deck}/${file} holds the note of ${p.where}: "${p.phrase}"`)
      }
    }
    expect(leaks.join('\n')).toBe('')
  })
})

describe('every deck in the browser', () => {
  // One test per deck that exists now: decks are discovered, not listed.
  // A given site is tested for what it holds; otherwise for every deck in slides/.
  const given = process.env.PUBLISHED_SITE && join(resolve(process.env.PUBLISHED_SITE), 'publish.json')
  const decks = given && existsSync(given)
    ? (JSON.parse(readFileSync(given, 'utf8')) as PublishManifest).decks
    : listDeckIds(root)

  it.each(decks)('%s: every slide renders, fits the canvas and steps to its last click', async (deck) => {
    expect(manifest.decks, `${deck} was not published`).toContain(deck)
    // Reduced motion, as the walk of every slide asks: a click's changes are measured once drawn, no transition half-way.
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' })
    const before = problems.length
    watch(page, deck)
    const model = readLessonModel(root)
    const slides = modelDeck(model, deck)!.shown
    // A slide written in another deck this file walks (the lesson's topics) is stepped through there.
    const walkedElsewhere = new Set(model.decks.filter(d => d.id !== deck && decks.includes(d.id)).map(d => d.source.file))
    const elsewhere = (n: number) => walkedElsewhere.has(slides[n - 1]?.file ?? '')
    const walk = await walkDeck(page, `${server.url}${deck}/`, { skip: elsewhere })
    await page.close()
    walks.set(deck, walk)

    // Every slide of the source in order, but those walked elsewhere; and no slide after the source's last.
    expect(walk.map(w => w.slide), 'slides visited in order').toEqual(slides.flatMap((_, i) => elsewhere(i + 1) ? [] : [i + 1]))
    const failures: string[] = []
    // The presenter's notes step with the slide: one `[click]` per click.
    for (const w of walk) {
      const source = slides[w.slide - 1]!
      // A question's reveal is a click in class only: the learner's copy reveals on answering.
      const quizzes = source.slide.components.filter(c => c.name === 'Quiz').length
      const markers = clickMarkers(source.note) - quizzes
      if (markers !== w.clicks.length - 1)
        failures.push(`slide ${w.slide} (${source.file}:${source.line}): ${w.clicks.length - 1} clicks, but its notes have ${markers} [click] markers`)
    }
    for (const w of walk) {
      const where = `slide ${w.slide} (${slides[w.slide - 1]?.file}:${slides[w.slide - 1]?.line})`
      const expected = w.clicks.map((_, i) => i)
      if (w.stepped && w.clicks.join() !== expected.join())
        failures.push(`${where}: clicks went ${w.clicks.join(', ')}`)
      for (const s of w.states) {
        for (const o of s.overflow)
          failures.push(`${where} ${w.stepped ? `click ${s.clicks}` : 'at its last step'}: ${o}`)
      }
      for (const a of w.states.at(-1)!.animations.filter(a => a.step !== a.steps))
        failures.push(`${where}: animation "${a.label}" ends at step ${a.step} of ${a.steps}`)
    }
    // One line per problem, all of them in the report.
    expect(failures.join('\n')).toBe('')
    expect(problems.slice(before).join('\n')).toBe('')
  })

  it.each(decks)('%s: the click-by-click PDF has one page per click step, none blank', async (deck) => {
    if (deck === 'lesson') {
      expect(manifest.clickPdfs).not.toContain(deck)
      return
    }
    if (!manifest.clickPdfs.includes(deck))
      throw new Error(`no click-by-click PDF was published for ${deck}`)
    const walk = walks.get(deck)
    if (!walk)
      throw new Error(`the browser walk of ${deck} did not run`)
    const file = join(site, 'pdf', `${deck}-clicks.pdf`)
    const steps = walk.reduce((sum, w) => sum + w.clicks.length, 0)
    expect(await pdfPageCount(file)).toBe(steps)
    // Each slide's last step, where all its content is shown.
    const lastPages = walk.map((_, i) => walk.slice(0, i + 1).reduce((sum, w) => sum + w.clicks.length, 0))
    const blank: string[] = (await unloadedPages(file, steps)).map(p => `page ${p} says "Loading slide"`)
    for (const p of lastPages) {
      const ink = await pageInk(file, p)
      if (ink < MIN_INK)
        blank.push(`page ${p} (${(ink * 100).toFixed(2)}% ink)`)
    }
    expect(blank.join('\n')).toBe('')
  })

  it.each(decks)('%s: the handout has a page per slide, at most 1.5 on average, with every learner\'s text', async (deck) => {
    if (!manifest.pdfs.includes(deck))
      throw new Error(`no handout was published for ${deck}`)
    const shown = modelDeck(readLessonModel(root), deck)!.shown
    const file = join(site, 'pdf', `${deck}.pdf`)
    const pages = await pdfPageCount(file)
    expect(pages).toBeGreaterThanOrEqual(shown.length)
    expect(pages).toBeLessThanOrEqual(shown.length * 1.5)
    expect(await unloadedPages(file, pages)).toEqual([])
    const text = await pdfText(file)
    // The opening words of each learner's text, as printed (markdown marks gone, lines joined).
    const missing = shown.filter(s => s.slide.learn && !s.slide.learn.none).map(s => words(s.slide.learn!.text)).filter(w => !text.includes(w))
    expect(missing).toEqual([])
  })
})

async function pdfText(file: string): Promise<string> {
  const out = await run('pdftotext', [file, '-'])
  return words(out.stdout, Infinity)
}

/** The first `n` words, without markdown marks, single-spaced. */
function words(text: string, n = 6): string {
  // Typographic quotes as markdown prints them (it's → it’s) read as the source's.
  return text.replace(/[‘’]/g, '\'').replace(/[“”]/g, '"').replace(/[`*_]/g, '').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').split(/\s+/).filter(Boolean).slice(0, n).join(' ')
}
