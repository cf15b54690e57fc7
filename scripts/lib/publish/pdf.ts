/**
 * A deck as PDFs, printed from the very build learners get:
 *
 * - the handout (`<id>.pdf`): one page per slide at its last step, with the
 *   slide's learner's text (components/Learn.vue) under it;
 * - every click step on a page of its own (`<id>-clicks.pdf`).
 *
 * Every build keeps Slidev's print page (`#/print`, see
 * `setup/vite-plugins.ts`), which lays out each slide once at its last
 * step, or once per click step with `?print=clicks`. That page is printed
 * here with the system Chromium. The click-by-click PDF must have exactly
 * one page per step: a slide whose content overflowed its canvas once made
 * Chromium drop the lesson's last 59 pages without a word, so
 * `styles/lesson.css` contains each step and the count is checked. The
 * handout must start a page with every slide, and stay near a page per
 * slide (at most `HANDOUT_PAGES_PER_SLIDE` on average).
 *
 * The build is served on a free loopback port: no fixed port, so a PDF
 * can be printed while other decks build.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { existsSync } from 'node:fs'
import { rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { PDFDocument } from 'pdf-lib'
import { PRINT_CONTENT, SLIDE_LOADING } from '../../../adapter/slidev/dom.ts'
import { LessonError } from '../../../core/errors.ts'
import { CHROMIUM_ARGS, drawn } from '../browser.ts'
import { serveStatic } from '../static-server.ts'

/** The slide canvas (Slidev's `canvasWidth` 980 at 16:9). */
const CANVAS = { width: 980, height: 552 }
/** A handout page: the slide's width, A4's proportions; the slide and its text under it. */
const HANDOUT_PAGE = { width: CANVAS.width, height: Math.round(CANVAS.width * Math.SQRT2) }
/** At most this many handout pages per slide, on average. */
export const HANDOUT_PAGES_PER_SLIDE = 1.5

export type PdfKind = 'handout' | 'clicks'

/** Where a deck's PDF of each kind is published, under `pdf/`. */
export function pdfName(id: string, kind: PdfKind): string {
  return kind === 'handout' ? `${id}.pdf` : `${id}-clicks.pdf`
}

/** How long the print page may take to load and lay out every slide. */
const LOAD_TIMEOUT_MS = 300_000

/** Waits until every slide of the print page has loaded and laid out. */
async function settle(page: Page): Promise<number> {
  await page.locator(PRINT_CONTENT).waitFor({ timeout: LOAD_TIMEOUT_MS })
  await page.waitForLoadState('networkidle', { timeout: LOAD_TIMEOUT_MS })
  await page.waitForFunction(
    loading => document.querySelectorAll(loading).length === 0,
    SLIDE_LOADING,
    { timeout: LOAD_TIMEOUT_MS, polling: 250 },
  )
  await page.evaluate(() => document.fonts.ready)
  await page.emulateMedia({ colorScheme: 'light', media: 'screen' })
  // Monaco's screen-reader mirror would print as stray text.
  await page.addStyleTag({ content: '.monaco-aria-container { display: none !important }' })
  // Every step breaks the page after itself: the last one would add a blank page.
  await page.locator('.print-slide-container').last().evaluate((el: HTMLElement) => el.style.breakAfter = 'auto')
  // Drawn as it now stands: its fonts in, two frames since (under reduced motion, asked for by the page's context, nothing moves).
  await drawn(page)
  return page.locator('.print-slide-container').count()
}

/**
 * Output panels the print page would cut at their right edge, one line
 * each, naming the slide by its title. A panel scrolls sideways on screen;
 * on paper what is past the edge is lost, so the print page fits them
 * (`components/TerminalPanel.vue`) and this proves it did.
 */
export function cutPanels(page: Page): Promise<string[]> {
  return page.$$eval('.print-slide-container', containers => [...new Set(containers.flatMap((c, i) =>
    [...c.querySelectorAll('.terminal-scroll')]
      .filter(e => e.scrollWidth > e.clientWidth + 1)
      .map((e) => {
        const title = c.querySelector('h1, h2')?.textContent?.trim() || `page ${i + 1}`
        const command = e.querySelector('.terminal-command')?.textContent?.trim() ?? ''
        return `"${title}": the panel \`${command}\` is ${e.scrollWidth} px wide in ${e.clientWidth} px`
      })))])
}

/**
 * Lays the print page out as a handout: each slide (printed at its last
 * step) followed by its learner's text, which `<Learn>` leaves hidden in
 * the slide in print mode; every slide starts a page. Chromium breaks pages
 * only outside scroll containers, so the print page's grid and scrolling
 * root are laid out as plain blocks. Returns the number of slides.
 */
async function layHandout(page: Page): Promise<number> {
  await page.addStyleTag({ content: `@page { size: ${HANDOUT_PAGE.width}px ${HANDOUT_PAGE.height}px; margin: 0 }
html.print #app, html.print #page-root { overflow: visible !important; display: block !important }
html.print, html.print body, html.print #print-container { background: #fff !important }
.print-slide-container { break-after: auto !important }
.learn-page { break-after: page; break-inside: auto }
.learn-page:last-child { break-after: auto }` })
  return page.$$eval('.print-slide-container', (containers) => {
    for (const container of containers) {
      const wrapper = document.createElement('div')
      wrapper.className = 'learn-page'
      container.before(wrapper)
      wrapper.append(container)
      const learn = container.querySelector('[data-learn-print]')
      if (learn?.textContent?.trim()) {
        const text = document.createElement('div')
        text.className = 'learn-handout'
        text.innerHTML = learn.innerHTML
        wrapper.append(text)
      }
    }
    return containers.length
  })
}

/**
 * The Chromium a publish prints its PDFs with: launched at the first PDF,
 * kept for the others (a launch per PDF cost about a second each of the
 * 19), closed by `close()`.
 */
export interface PdfPrinter {
  browser: () => Promise<Browser>
  close: () => Promise<void>
}

export function pdfPrinter(chromium: string): PdfPrinter {
  let launched: Promise<Browser> | null = null
  return {
    browser: () => launched ??= import('playwright-core').then(({ chromium: launcher }) =>
      // An interrupt is publish's to handle (scripts/lib/process.ts): Playwright's
      // own handlers would exit first. Its exit handler still ends Chromium.
      launcher.launch({ executablePath: chromium, args: CHROMIUM_ARGS, handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false })),
    close: async () => {
      const browser = launched && await launched.catch(() => null)
      launched = null
      await browser?.close()
    },
  }
}

/**
 * Prints the built deck in `deckDir` (a `slidev build` with base `./`) to
 * `output` with `printer`'s Chromium, in a page of its own: the handout, or
 * one page per click step.
 */
export async function printPdf(deckDir: string, id: string, output: string, printer: PdfPrinter, kind: PdfKind = 'handout'): Promise<void> {
  if (!existsSync(join(deckDir, 'index.html')))
    throw new LessonError(`PDF of slides/${id}.md: no built deck in ${deckDir}`)
  const server = await serveStatic(deckDir, `/${id}/`)
  let context: BrowserContext | null = null
  try {
    // Light, as printed; reduced motion, so that a transition (a step appearing, a colour) is already at its end when the page is printed.
    context = await (await printer.browser()).newContext({ viewport: CANVAS, deviceScaleFactor: 2, colorScheme: 'light', reducedMotion: 'reduce' })
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', e => errors.push(e.message))
    await page.goto(`${server.url}${kind === 'clicks' ? '?print=clicks' : '?print'}#/print`, { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS })
    const steps = await settle(page)
    if (errors.length)
      throw new LessonError(`PDF of slides/${id}.md: the print page failed: ${errors.join('; ')}`)
    if (steps === 0)
      throw new LessonError(`PDF of slides/${id}.md: the print page shows no slide (is the print page missing from the build?)`)
    const cut = await cutPanels(page)
    if (cut.length)
      throw new LessonError(`PDF of slides/${id}.md: ${cut.length} output panel${cut.length === 1 ? '' : 's'} would be cut at the page edge:\n  ${cut.join('\n  ')}`)
    const slides = kind === 'handout' ? await layHandout(page) : steps
    const size = kind === 'handout' ? HANDOUT_PAGE : CANVAS

    const pdf = await PDFDocument.load(await page.pdf({
      width: `${size.width}px`,
      height: `${size.height}px`,
      margin: { top: 0, right: 0, bottom: 0, left: 0 },
      printBackground: true,
      preferCSSPageSize: true,
    }))
    const pages = pdf.getPageCount()
    if (kind === 'clicks' && pages !== steps)
      throw new LessonError(`PDF of slides/${id}.md: ${steps} click steps printed as ${pages} pages`)
    if (kind === 'handout' && (pages < slides || pages > slides * HANDOUT_PAGES_PER_SLIDE))
      throw new LessonError(`handout of slides/${id}.md: ${slides} slides printed as ${pages} pages; a handout has a page per slide, and at most ${HANDOUT_PAGES_PER_SLIDE} on average (shorten the longest learner's texts)`)
    pdf.setTitle(await page.title() || id)
    pdf.setProducer('npm run publish')
    await writeFile(output, await pdf.save())
  }
  catch (error) {
    await rm(output, { force: true })
    throw error
  }
  finally {
    await context?.close()
    await server.close()
  }
}
