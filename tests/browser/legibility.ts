import type { Page } from 'playwright-core'
import { quotedRegionMarker } from '../../core/snippet-source.ts'
/**
 * The legibility rule, measured in the page: what a slide shows at its last
 * click step, as a viewer at the back of the room sees it (1280×720).
 *
 * - no visible text under 14 px (on screen, after the slide's scaling),
 *   diagram labels and captions included;
 * - no code block with more than half its lines faded (drawn at under 60%
 *   opacity, or dimmed by a highlight step to under 4.5:1 contrast);
 * - no output panel line cut at the panel's edge (a long line wraps, indented);
 * - every ANSI colour of rustc's output at least 4.5:1 against its panel;
 * - every syntax colour of code (code blocks and the live editor) at least
 *   4.5:1 against what it is drawn on, faded lines aside;
 * - in dark mode, body text (headings, paragraphs, list items) neutral;
 * - no text of the slide under a label the kit draws over its margin
 *   (`OVERLAY_LABELS`: the exercise link);
 * - no `// #region` marker showing (rustc quotes the lines around an error).
 */

export const MIN_TEXT_PX = 14
export const MIN_CONTRAST = 4.5

export interface Legibility {
  /** Smallest visible text on the slide, in screen px, and what it says. */
  smallest: { px: number, text: string } | null
  /** Visible text under MIN_TEXT_PX: `12.5 px "…"`. */
  small: string[]
  /** Code blocks with more than half their lines faded: `7 of 9 lines faded "…"`. */
  faded: string[]
  /** Output panels with a line cut at the edge (scrolling sideways): `panel "…": 612 px of 540 shown`. */
  wrapped: string[]
  /** ANSI-coloured spans under MIN_CONTRAST against their panel. */
  ansi: string[]
  /** Code tokens (Shiki's spans, the editor's) under MIN_CONTRAST against their background. */
  syntax: string[]
  /** Body text drawn in a colour (dark mode). */
  coloured: string[]
  /** Slide text under a label the kit draws over every slide's margin (the exercise link): `"…" under "Starter and tests: …"`. */
  covered: string[]
  /** Source-region markers (`// #endregion x`) showing on the slide, e.g. quoted by rustc. */
  markers: string[]
}

/** Labels the kit's global layers draw over a slide (components/ExerciseLink.vue): no slide text may lie under one. */
export const OVERLAY_LABELS = '.exercise-link'

/** What the page measures; the slide's text is read for region markers here, with the snippet grammar. */
type Measured = Omit<Legibility, 'markers'> & { text: string }

// Runs in the page. Kept as source text: the test runner's transform may add
// helpers to functions that do not exist in the browser.
export const INSPECT_LEGIBILITY = `(([no, minPx, minContrast, overlays]) => {
  const page = document.querySelector('.slidev-page-' + no)
  const layout = page && page.querySelector('.slidev-layout')
  if (!layout || page.querySelector('.slidev-slide-loading'))
    return null
  const short = s => (s || '').trim().replace(/\\s+/g, ' ').slice(0, 40)
  const parse = (c) => {
    const m = /rgba?\\(([\\d.]+),? ([\\d.]+),? ([\\d.]+)(?:,? \\/? ?([\\d.]+))?\\)/.exec(c)
    return m ? [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4])] : [0, 0, 0, 0]
  }
  const lum = ([r, g, b]) => {
    const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4 }
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b)
  }
  const contrast = (a, b) => { const x = lum(a), y = lum(b); return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05) }
  const over = (top, bottom) => [0, 1, 2].map(i => top[i] * top[3] + bottom[i] * (1 - top[3])).concat(1)
  // The colour behind an element: its own and its ancestors' backgrounds, composited.
  const background = (el) => {
    const layers = []
    for (let e = el; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor)
      if (c[3] > 0) layers.push(c)
      if (c[3] >= 1) break
    }
    let bg = document.documentElement.classList.contains('dark') ? [18, 18, 18, 1] : [255, 255, 255, 1]
    for (const c of layers.reverse()) bg = over(c, bg)
    return bg
  }
  const opacity = (el, stop) => {
    let o = 1
    for (let e = el; e && e !== stop; e = e.parentElement) o *= Number(getComputedStyle(e).opacity)
    return o
  }
  const shown = (el) => {
    if (el.closest('.sr-only, [aria-hidden="true"] .sr-only')) return false
    const s = getComputedStyle(el)
    if (s.visibility === 'hidden' || s.display === 'none') return false
    if (opacity(el, page) < 0.05) return false
    const r = el.getBoundingClientRect()
    return r.width >= 1 && r.height >= 1
  }
  // On-screen font size: the computed size times the slide's scale (SVG: its own transform to the screen).
  const scale = layout.getBoundingClientRect().width / layout.offsetWidth
  const screenPx = (el) => {
    const size = parseFloat(getComputedStyle(el).fontSize)
    if (el instanceof SVGElement) {
      const m = el.getScreenCTM()
      return m ? size * Math.hypot(m.a, m.b) : size
    }
    return size * scale
  }

  const result = { smallest: null, small: [], faded: [], wrapped: [], ansi: [], syntax: [], coloured: [], covered: [], text: layout.innerText || '' }

  const walker = document.createTreeWalker(layout, NodeFilter.SHOW_TEXT)
  const seen = new Set()
  for (let t = walker.nextNode(); t; t = walker.nextNode()) {
    if (!t.textContent.trim()) continue
    const el = t.parentElement
    if (!el || seen.has(el)) continue
    seen.add(el)
    if (!shown(el)) continue
    const px = Math.round(screenPx(el) * 10) / 10
    if (!result.smallest || px < result.smallest.px) result.smallest = { px, text: short(el.textContent) }
    if (px < minPx - 0.05) result.small.push(px + ' px "' + short(el.textContent) + '"')
  }

  for (const pre of layout.querySelectorAll('pre.shiki')) {
    if (!shown(pre)) continue
    const lines = [...pre.querySelectorAll('code > .line')].filter(l => l.textContent.trim())
    const bg = background(pre)
    const faded = lines.filter((line) => {
      const o = opacity(line, pre.parentElement)
      if (o < 0.6) return true
      if (!line.classList.contains('slidev-code-dishonored')) return false
      return [...line.querySelectorAll('span')].some((s) => {
        if (!s.textContent.trim() || s.children.length) return false
        const c = parse(getComputedStyle(s).color)
        return contrast(over([c[0], c[1], c[2], c[3] * o], bg), bg) < minContrast
      })
    })
    if (lines.length && faded.length * 2 > lines.length)
      result.faded.push(faded.length + ' of ' + lines.length + ' lines faded "' + short(lines[0].textContent) + '"')
  }

  for (const scroll of layout.querySelectorAll('.terminal-scroll')) {
    if (!shown(scroll)) continue
    if (scroll.scrollWidth > scroll.clientWidth + 1)
      result.wrapped.push('panel "' + short(scroll.querySelector('.terminal-command')?.textContent) + '": ' + scroll.scrollWidth + ' px of ' + scroll.clientWidth + ' shown')
  }

  // Syntax colours: each token of a code block line that is not faded, and of the live editor.
  const tokens = [...layout.querySelectorAll('pre.shiki code > .line span, .cm-content .cm-line span')]
  const reported = new Set()
  for (const span of tokens) {
    if (span.children.length || !span.textContent.trim() || !shown(span)) continue
    const line = span.closest('.line, .cm-line')
    if (line && line.classList.contains('slidev-code-dishonored')) continue
    const o = opacity(span, page)
    if (o < 0.6) continue
    const bg = background(span)
    const c = parse(getComputedStyle(span).color)
    const ratio = contrast(over([c[0], c[1], c[2], c[3] * o], bg), bg)
    const key = getComputedStyle(span).color + '/' + bg.join(',')
    if (ratio < minContrast && !reported.has(key)) {
      reported.add(key)
      result.syntax.push(getComputedStyle(span).color + ' ' + ratio.toFixed(2) + ':1 "' + short(span.textContent) + '"')
    }
  }

  for (const span of layout.querySelectorAll('[class*="ansi-"]')) {
    if (!span.textContent.trim() || !shown(span)) continue
    const o = opacity(span, page)
    const bg = background(span)
    const c = parse(getComputedStyle(span).color)
    const ratio = contrast(over([c[0], c[1], c[2], c[3] * o], bg), bg)
    if (ratio < minContrast)
      result.ansi.push(span.className + ' ' + ratio.toFixed(2) + ':1 "' + short(span.textContent) + '"')
  }

  // Text of the slide's own under a label a global layer draws over it.
  for (const label of document.querySelectorAll(overlays)) {
    const at = label.getBoundingClientRect()
    if (!at.width || !shown(label)) continue
    for (const el of layout.querySelectorAll('*')) {
      if (![...el.childNodes].some(c => c.nodeType === 3 && c.textContent.trim()) || !shown(el)) continue
      const r = el.getBoundingClientRect()
      if (r.bottom > at.top + 1 && r.top < at.bottom - 1 && r.right > at.left + 1 && r.left < at.right - 1)
        result.covered.push('"' + short(el.textContent) + '" under "' + short(label.textContent) + '"')
    }
  }

  if (document.documentElement.classList.contains('dark')) {
    for (const el of layout.querySelectorAll('h1, h2, h3, p, li')) {
      if (el.closest('figure, pre, a, .terminal, .slidev-code, svg') || !shown(el)) continue
      const [r, g, b] = parse(getComputedStyle(el).color)
      if (Math.max(r, g, b) - Math.min(r, g, b) > 40)
        result.coloured.push(el.tagName.toLowerCase() + ' rgb(' + [r, g, b].join(', ') + ') "' + short(el.textContent) + '"')
    }
  }
  return result
})`

/** Measures slide `no` as shown now; waits for it to finish rendering. */
export async function inspectLegibility(page: Page, no: number): Promise<Legibility> {
  const deadline = Date.now() + 30_000
  while (true) {
    const measured = await page.evaluate(`${INSPECT_LEGIBILITY}([${no}, ${MIN_TEXT_PX}, ${MIN_CONTRAST}, ${JSON.stringify(OVERLAY_LABELS)}])`) as Measured | null
    if (measured) {
      const { text, ...result } = measured
      const markers = text.split('\n').filter(line => quotedRegionMarker(line)).map(line => `"${line.trim().replace(/\s+/g, ' ').slice(0, 40)}"`)
      return { ...result, markers }
    }
    if (Date.now() > deadline)
      throw new Error(`slide ${no} did not finish rendering within 30 s (${page.url()})`)
    await page.waitForTimeout(100)
  }
}

/** Problems of one measurement, one line each; empty when the slide passes. */
export function problems(m: Legibility): string[] {
  return [
    ...m.small.map(s => `text under ${MIN_TEXT_PX} px: ${s}`),
    ...m.faded.map(s => `code more than half faded: ${s}`),
    ...m.wrapped.map(s => `output cut at the edge: ${s}`),
    ...m.ansi.map(s => `ANSI colour under ${MIN_CONTRAST}:1: ${s}`),
    ...m.syntax.map(s => `code colour under ${MIN_CONTRAST}:1: ${s}`),
    ...m.coloured.map(s => `coloured body text: ${s}`),
    ...m.covered.map(s => `text under a label drawn over the slide: ${s}`),
    ...m.markers.map(s => `region marker shown: ${s}`),
  ]
}
