/**
 * A deck as a PDF with every click step on its own page, printed from the
 * very build learners get.
 *
 * Every build keeps Slidev's print page (`#/print?print=clicks`, see
 * `setup/vite-plugins.ts`), which lays out each slide once per click step.
 * That page is printed here with the system Chromium, and the PDF must have
 * exactly one page per step: a slide whose content overflowed its canvas
 * once made Chromium drop the lesson's last 59 pages without a word, so
 * `styles/lesson.css` contains each step and the count is checked.
 *
 * The build is served on a free loopback port: no fixed port, so a PDF
 * can be printed while other decks build.
 */
import type { Page } from 'playwright-core'
import { existsSync } from 'node:fs'
import { rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { PDFDocument } from 'pdf-lib'
import { LessonError } from '../../../core/errors.ts'
import { CHROMIUM_ARGS } from '../browser.ts'
import { serveStatic } from '../static-server.ts'

/** The slide canvas (Slidev's `canvasWidth` 980 at 16:9). */
const CANVAS = { width: 980, height: 552 }
/** How long the print page may take to load and lay out every slide. */
const LOAD_TIMEOUT_MS = 300_000
/** Pause after the page went quiet, for fonts and the last layout. */
const SETTLE_MS = 1000

/** Waits until every slide of the print page has loaded and laid out. */
async function settle(page: Page): Promise<number> {
  await page.locator('#print-content').waitFor({ timeout: LOAD_TIMEOUT_MS })
  await page.waitForLoadState('networkidle', { timeout: LOAD_TIMEOUT_MS })
  await page.waitForFunction(
    () => document.querySelectorAll('.slidev-slide-loading').length === 0,
    undefined,
    { timeout: LOAD_TIMEOUT_MS, polling: 250 },
  )
  await page.evaluate(() => document.fonts.ready)
  await page.emulateMedia({ colorScheme: 'light', media: 'screen' })
  // Monaco's screen-reader mirror would print as stray text.
  await page.addStyleTag({ content: '.monaco-aria-container { display: none !important }' })
  // Every step breaks the page after itself: the last one would add a blank page.
  await page.locator('.print-slide-container').last().evaluate((el: HTMLElement) => el.style.breakAfter = 'auto')
  await page.waitForTimeout(SETTLE_MS)
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
 * Prints the built deck in `deckDir` (a `slidev build` with base `./`) to
 * `output`, one page per click step.
 */
export async function printPdf(deckDir: string, id: string, output: string, chromium: string): Promise<void> {
  if (!existsSync(join(deckDir, 'index.html')))
    throw new LessonError(`PDF of slides/${id}.md: no built deck in ${deckDir}`)
  const { chromium: launcher } = await import('playwright-core')
  const server = await serveStatic(deckDir, `/${id}/`)
  // An interrupt is publish's to handle (scripts/lib/process.ts): Playwright's
  // own handlers would exit first. Its exit handler still ends Chromium.
  const browser = await launcher.launch({ executablePath: chromium, args: CHROMIUM_ARGS, handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false })
  try {
    const page = await browser.newPage({ viewport: CANVAS, deviceScaleFactor: 2 })
    const errors: string[] = []
    page.on('pageerror', e => errors.push(e.message))
    await page.goto(`${server.url}?print=clicks#/print`, { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS })
    const steps = await settle(page)
    if (errors.length)
      throw new LessonError(`PDF of slides/${id}.md: the print page failed: ${errors.join('; ')}`)
    if (steps === 0)
      throw new LessonError(`PDF of slides/${id}.md: the print page shows no slide (is the print page missing from the build?)`)
    const cut = await cutPanels(page)
    if (cut.length)
      throw new LessonError(`PDF of slides/${id}.md: ${cut.length} output panel${cut.length === 1 ? '' : 's'} would be cut at the page edge:\n  ${cut.join('\n  ')}`)

    const pdf = await PDFDocument.load(await page.pdf({
      width: `${CANVAS.width}px`,
      height: `${CANVAS.height}px`,
      margin: { top: 0, right: 0, bottom: 0, left: 0 },
      printBackground: true,
      preferCSSPageSize: true,
    }))
    if (pdf.getPageCount() !== steps)
      throw new LessonError(`PDF of slides/${id}.md: ${steps} click steps printed as ${pdf.getPageCount()} pages`)
    pdf.setTitle(await page.title() || id)
    pdf.setProducer('npm run publish')
    await writeFile(output, await pdf.save())
  }
  catch (error) {
    await rm(output, { force: true })
    throw error
  }
  finally {
    await browser.close()
    await server.close()
  }
}
