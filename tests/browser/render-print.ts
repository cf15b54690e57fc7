import type { Page } from 'playwright-core'
/**
 * A slide as drawn, reduced to one string: every element of its layout with
 * its tag, attributes, own text, the computed style the legibility rule and
 * the font check read (size, weight, family, colours, opacity, shown or
 * not, overflow) and its box relative to the slide, plus the backgrounds
 * behind the slide. Two slides with the same print show the same text in
 * the same fonts, sizes, colours and places: the lesson deck's slides that
 * it imports from a topic deck with `src:` are compared this way with the
 * topic deck's own, instead of being measured twice.
 */

// Runs in the page. Kept as source text: the test runner's transform may add
// helpers to functions that do not exist in the browser.
const PRINT = `((no) => {
  const page = document.querySelector('.slidev-page-' + no)
  const layout = page && page.querySelector('.slidev-layout')
  if (!layout)
    return null
  const origin = layout.getBoundingClientRect()
  const parts = []
  const behind = []
  for (let e = layout.parentElement; e; e = e.parentElement) {
    const s = getComputedStyle(e)
    behind.push(s.backgroundColor + ' ' + s.opacity)
  }
  parts.push(behind.join(','), Math.round(origin.width) + 'x' + Math.round(origin.height))
  // The slide number is the one thing a deck may put in its slides' markup.
  // Ids Vue numbers in mounting order (useId: v-12-0-q) and the class names
  // CodeMirror numbers as it creates its themes (ͼ1a) depend on what the
  // deck mounted before, not on what is drawn.
  const own = (v) => v.split('slidev-page-' + no).join('slidev-page-N').replace(/\\bv-\\d+-\\d+/g, 'v-#').replace(/ͼ[0-9a-z]+/g, 'ͼ#')
  for (const el of [layout, ...layout.querySelectorAll('*')]) {
    const s = getComputedStyle(el)
    const box = el.getBoundingClientRect()
    // The layout carries the slide's frontmatter as attributes (the lesson
    // adds its part and topic): not drawn, and anything they change in the
    // drawing shows in the styles and boxes below.
    const attrs = [...el.attributes].filter(a => el !== layout || a.name === 'class').map(a => a.name + '=' + own(a.value)).sort().join(' ')
    const text = [...el.childNodes].filter(c => c.nodeType === 3).map(c => c.textContent).join('')
    parts.push([el.tagName, attrs, text, s.display, s.visibility, s.opacity, s.color, s.backgroundColor, s.fontFamily, s.fontSize, s.fontWeight, s.fontStyle,
      s.letterSpacing, s.lineHeight, s.whiteSpace, s.overflowX, s.overflowY, s.textShadow, s.filter, s.webkitTextFillColor, own(s.fill), own(s.stroke),
      Math.round(box.left - origin.left), Math.round(box.top - origin.top), Math.round(box.width), Math.round(box.height), el.scrollWidth, el.scrollHeight].join('|'))
  }
  return parts.join('\\n')
})`

/** The print of slide `no` as the page shows it now; null when the slide is not drawn. */
export async function renderPrint(page: Page, no: number): Promise<string | null> {
  return await page.evaluate(`${PRINT}(${no})`) as string | null
}

/** Where two prints first differ, for a failure message. */
export function firstDifference(a: string, b: string): string {
  const x = a.split('\n')
  const y = b.split('\n')
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const [p, q] = [x[i] ?? '(none)', y[i] ?? '(none)']
    if (p !== q) {
      let at = 0
      while (p[at] === q[at])
        at++
      const from = Math.max(0, at - 80)
      return `element ${i}: …${p.slice(from, at + 120)} ≠ …${q.slice(from, at + 120)}`
    }
  }
  return ''
}
