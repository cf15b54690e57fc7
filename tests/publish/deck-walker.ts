import type { Page } from 'playwright-core'
import { drawn } from '../../scripts/lib/browser.ts'
/**
 * A page object for one published deck: visits every slide from the first
 * to the last and at every step checks that the slide finished rendering,
 * that nothing spills out of the slide canvas and which animations are
 * where. A slide is stepped through with the keyboard as a learner would,
 * click by click (→), or, for the slides a test has proved that way
 * elsewhere, jumped to by its address at its last step (`#/<n>?clicks=999`,
 * which Slidev shows as the last step) and inspected there once.
 */

export interface StepState {
  slide: number
  clicks: number
  /** Content that spills out of the canvas or is cut off inside it. */
  overflow: string[]
  /** Animations (`figure.anim`) as `step/steps`, 1-based. */
  animations: { step: number, steps: number, label: string }[]
}

export interface SlideWalk {
  slide: number
  /** Stepped through click by click; else jumped to at its last step. */
  stepped: boolean
  /** Click counts seen, in order: 0, 1, … up to the slide's last step; [JUMP_CLICKS] for a slide jumped to. */
  clicks: number[]
  states: StepState[]
}

export interface WalkOptions {
  /** The slides to step through click by click (all by default); the others are jumped to at their last step. */
  step?: (slide: number) => boolean
  /** The slides not to visit at all (none by default): the walk goes on to the next slide by its address. */
  skip?: (slide: number) => boolean
  /** Look for content that spills out of the canvas (default true); `overflow` is empty when not. */
  overflow?: boolean
}

/** The clicks a jump asks for: more than any slide has, so Slidev shows the last step. */
export const JUMP_CLICKS = 999

/** How far (CSS px) a box may pass the canvas edge before it counts: subpixel rounding. */
const TOLERANCE = 1.5

// Runs in the page. Kept as source text: the test runner's transform may add
// helpers to functions that do not exist in the browser.
const INSPECT = `(([no, tolerance, measure]) => {
  const page = document.querySelector('.slidev-page-' + no)
  const layout = page && page.querySelector('.slidev-layout')
  if (!layout || page.querySelector('.slidev-slide-loading'))
    return null
  const box = layout.getBoundingClientRect()
  const describe = (el) => {
    const text = (el.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 50)
    const cls = typeof el.className === 'string' && el.className ? '.' + el.className.trim().split(/\\s+/).slice(0, 2).join('.') : ''
    return el.tagName.toLowerCase() + cls + (text ? ' "' + text + '"' : '')
  }
  const overflow = []
  // Only the outermost culprit: a code block that spills says so once, not once per token.
  const reported = new Set()
  const underReported = (el) => {
    for (let p = el.parentElement; p && p !== layout; p = p.parentElement) {
      if (reported.has(p))
        return true
    }
    return false
  }
  for (const el of measure ? layout.querySelectorAll('*') : []) {
    if (underReported(el))
      continue
    const style = getComputedStyle(el)
    if (style.display === 'none' || style.visibility === 'hidden' || style.position === 'fixed')
      continue
    if (el.closest('.sr-only'))
      continue
    // A live slide's editor and output, and output panels sideways, scroll inside boxes that are checked themselves.
    if (el.parentElement?.closest('.live-snippet .cm-scroller, .live-snippet .live-output-column, .terminal-scroll'))
      continue
    const r = el.getBoundingClientRect()
    if (r.width < 1 || r.height < 1)
      continue
    const out = Math.max(box.left - r.left, box.top - r.top, r.right - box.right, r.bottom - box.bottom)
    if (out > tolerance) {
      overflow.push(describe(el) + ' passes the canvas edge by ' + Math.round(out) + ' px')
      reported.add(el)
      continue
    }
    // A live slide's editor and output scroll inside their own fixed boxes by design
    // (the instructor scrolls a long rustc message); the boxes themselves must fit.
    if (el.closest('.live-snippet'))
      continue
    // An output panel scrolls sideways by design (with an edge shadow) rather than wrap rustc's art.
    const clipsX = /auto|scroll|hidden|clip/.test(style.overflowX) && el.scrollWidth > el.clientWidth + 1 && !el.matches('.terminal-scroll')
    const clipsY = /auto|scroll|hidden|clip/.test(style.overflowY) && el.scrollHeight > el.clientHeight + 1
    if (clipsX || clipsY) {
      overflow.push(describe(el) + ' cuts off its content (' + el.scrollWidth + 'x' + el.scrollHeight + ' in ' + el.clientWidth + 'x' + el.clientHeight + ')')
      reported.add(el)
    }
  }
  const animations = [...layout.querySelectorAll('figure.anim[data-steps]')].map(f => ({
    step: Number(f.getAttribute('data-step')) + 1,
    steps: Number(f.getAttribute('data-steps')),
    label: f.getAttribute('aria-label') || '',
  }))
  return { overflow, animations }
})`

/** `…/#/3?clicks=2` → slide 3, 2 clicks. */
export function position(url: string): { slide: number, clicks: number } {
  const hash = new URL(url).hash
  const match = /^#\/(\d+)(?:\?(.*))?$/.exec(hash)
  if (!match)
    throw new Error(`not a slide URL: ${url}`)
  const clicks = new URLSearchParams(match[2] ?? '').get('clicks')
  return { slide: Number(match[1]), clicks: clicks ? Number(clicks) : 0 }
}

async function inspect(page: Page, slide: number, overflow: boolean): Promise<Omit<StepState, 'slide' | 'clicks'>> {
  const deadline = Date.now() + 30_000
  while (true) {
    const result = await page.evaluate(`${INSPECT}([${slide}, ${TOLERANCE}, ${overflow}])`) as Omit<StepState, 'slide' | 'clicks'> | null
    if (result)
      return result
    if (Date.now() > deadline)
      throw new Error(`slide ${slide} did not finish rendering within 30 s (${page.url()})`)
    await page.waitForTimeout(100)
  }
}

// Runs in the page: goes from slide `from` to `#/<no>?clicks=<clicks>` by its address and
// inspects the slide once it shows, or says 'missing' when Slidev shows the first slide
// instead (there is no slide `no`; the slide left may show a moment longer). A change of
// slide shows the clicks with it; within a slide nothing in the page says the new clicks
// were applied, so it gives Slidev the hash change's turn and two frames.
const JUMP = `(async ([no, clicks, from, tolerance, measure]) => {
  const shown = (n) => {
    const page = document.querySelector('.slidev-page-' + n)
    return page && getComputedStyle(page).display !== 'none' ? page : null
  }
  location.hash = '#/' + no + (clicks ? '?clicks=' + clicks : '')
  if (from === no) {
    await new Promise(r => setTimeout(r, 0))
    await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))
  }
  const deadline = performance.now() + 30000
  while (performance.now() < deadline) {
    const page = shown(no)
    if (page && page.querySelector('.slidev-layout') && !page.querySelector('.slidev-slide-loading')) {
      // Laid out, the fonts its text needs are asked for; measured once they are in.
      page.getBoundingClientRect()
      await document.fonts.ready
      return (${INSPECT})([no, tolerance, measure])
    }
    if (no !== 1 && from !== 1 && !page && !shown(from) && shown(1))
      return 'missing'
    await new Promise(r => setTimeout(r, 20))
  }
  return null
})`

/** Goes to `slide` at `clicks` by its address: its inspection, or null when the deck has no such slide. */
async function jump(page: Page, slide: number, clicks: number, from: number, overflow: boolean): Promise<Omit<StepState, 'slide' | 'clicks'> | null> {
  const result = await page.evaluate(`${JUMP}([${slide}, ${clicks}, ${from}, ${TOLERANCE}, ${overflow}])`) as Omit<StepState, 'slide' | 'clicks'> | 'missing' | null
  if (result === 'missing')
    return null
  if (!result)
    throw new Error(`slide ${slide} did not finish rendering within 30 s (${page.url()})`)
  return result
}

/** Presses → and waits for the URL to change: false when it stays (the deck's last step). */
function next(page: Page): Promise<boolean> {
  return goesOn(page, () => page.keyboard.press('ArrowRight'))
}

/**
 * Does `step` (a key, a tap), then waits for the URL to change: false when
 * it stays. A published deck's learner bar says when the deck is at its last
 * step (`data-at-end`); there the wait is short, elsewhere it allows for a
 * loaded machine.
 */
export async function goesOn(page: Page, step: () => Promise<void>): Promise<boolean> {
  const before = page.url()
  const atEnd = await page.locator('.learner-nav[data-at-end]').count() > 0
  await step()
  return page.waitForURL(url => url.href !== before, { timeout: atEnd ? 400 : 2_500 }).then(() => true, () => false)
}

/**
 * Lets a click's changes settle before the slide is measured: drawn (fonts
 * in, two frames) where the reader asked for reduced motion (the kit's CSS
 * cuts every transition to 0.01 ms), else the time a click's transition takes.
 */
async function settleClick(page: Page, reduced: boolean): Promise<void> {
  if (reduced)
    await drawn(page)
  else await page.waitForTimeout(60)
}

/**
 * Opens `deckUrl` (ending in `/`) at slide 1 and visits every slide to the
 * end: with → through every click of the slides `options.step` selects
 * (the deck ends where → goes no further), by their address at the last
 * step for the others (the deck ends where Slidev has no such slide).
 */
export async function walkDeck(page: Page, deckUrl: string, options: WalkOptions = {}): Promise<SlideWalk[]> {
  const step = options.step ?? (() => true)
  const overflow = options.overflow ?? true
  await page.goto(`${deckUrl}#/1`, { waitUntil: 'load' })
  await page.evaluate('document.fonts.ready.then(() => true)')
  const reduced = await page.evaluate('matchMedia("(prefers-reduced-motion: reduce)").matches') as boolean
  const slides: SlideWalk[] = []
  // Where the walk is, and the slide it goes to.
  let at = position(page.url())
  let no = 1
  while (true) {
    if (options.skip?.(no)) {
      no += 1
      continue
    }
    if (!step(no)) {
      const state = await jump(page, no, JUMP_CLICKS, at.slide, overflow)
      if (!state)
        return slides
      at = { slide: no, clicks: JUMP_CLICKS }
      slides.push({ slide: no, stepped: false, clicks: [at.clicks], states: [{ ...at, ...state }] })
      no += 1
      continue
    }
    if (at.slide !== no || at.clicks !== 0) {
      if (!await jump(page, no, 0, at.slide, false))
        return slides
      at = { slide: no, clicks: 0 }
    }
    const walk: SlideWalk = { slide: no, stepped: true, clicks: [], states: [] }
    slides.push(walk)
    while (at.slide === no) {
      await settleClick(page, reduced)
      walk.clicks.push(at.clicks)
      walk.states.push({ ...at, ...await inspect(page, at.slide, overflow) })
      if (!await next(page))
        return slides
      at = position(page.url())
    }
    // → went on to the next slide's first step.
    no = at.slide
  }
}
