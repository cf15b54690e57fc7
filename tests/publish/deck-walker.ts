import type { Page } from 'playwright-core'
/**
 * A page object for one published deck: walks it with the keyboard as a
 * learner would, from the first slide to the last click of the last one,
 * and at every step checks that the slide finished rendering, that nothing
 * spills out of the slide canvas and which animations are where.
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
  /** Click counts seen, in order: 0, 1, … up to the slide's last step. */
  clicks: number[]
  states: StepState[]
}

/** How far (CSS px) a box may pass the canvas edge before it counts: subpixel rounding. */
const TOLERANCE = 1.5

// Runs in the page. Kept as source text: the test runner's transform may add
// helpers to functions that do not exist in the browser.
const INSPECT = `(([no, tolerance]) => {
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
  for (const el of layout.querySelectorAll('*')) {
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

async function inspect(page: Page, slide: number): Promise<Omit<StepState, 'slide' | 'clicks'>> {
  const deadline = Date.now() + 30_000
  while (true) {
    const result = await page.evaluate(`${INSPECT}([${slide}, ${TOLERANCE}])`) as Omit<StepState, 'slide' | 'clicks'> | null
    if (result)
      return result
    if (Date.now() > deadline)
      throw new Error(`slide ${slide} did not finish rendering within 30 s (${page.url()})`)
    await page.waitForTimeout(100)
  }
}

/** Opens `deckUrl` (ending in `/`) at slide 1 and steps through every click of every slide. */
export async function walkDeck(page: Page, deckUrl: string): Promise<SlideWalk[]> {
  await page.goto(`${deckUrl}#/1`, { waitUntil: 'load' })
  await page.evaluate('document.fonts.ready.then(() => true)')
  const slides: SlideWalk[] = []
  let at = position(page.url())
  while (true) {
    // Let click transitions settle before measuring.
    await page.waitForTimeout(60)
    const state: StepState = { ...at, ...await inspect(page, at.slide) }
    let walk = slides.at(-1)
    if (!walk || walk.slide !== at.slide) {
      walk = { slide: at.slide, clicks: [], states: [] }
      slides.push(walk)
    }
    walk.clicks.push(at.clicks)
    walk.states.push(state)
    const before = page.url()
    await page.keyboard.press('ArrowRight')
    const moved = await page.waitForURL(url => url.href !== before, { timeout: 2_500 }).then(() => true, () => false)
    if (!moved)
      return slides
    at = position(page.url())
  }
}
