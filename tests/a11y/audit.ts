import type { Page } from 'playwright-core'
/**
 * axe-core in a page: inject it, audit against WCAG 2 A/AA, and describe
 * what it found in one line per problem, with where it was seen.
 */
import { createRequire } from 'node:module'

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js')

export interface Finding {
  /** axe rule id, e.g. `color-contrast`. */
  rule: string
  /** CSS selector of the element. */
  target: string
  /** Where: `lesson #12 dark`, `index light`. */
  where: string
  summary: string
}

interface AxeResult {
  violations: { id: string, help: string, nodes: { target: string[], failureSummary?: string }[] }[]
}

export async function injectAxe(page: Page): Promise<void> {
  if (!await page.evaluate(() => 'axe' in window))
    await page.addScriptTag({ path: axePath })
}

/** The WCAG levels audited: 2.0 and 2.1, A and AA. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

/**
 * The audited rules that read colours (axe's `cat.color`): the only ones
 * whose answer can change with the colour scheme when the elements and
 * their layout do not. The test of the deck checks this list against axe.
 */
export const COLOUR_RULES = ['color-contrast', 'link-in-text-block']

/** axe's rules carrying any of `tags`, with their tags, read from axe-core itself. */
export function axeRules(tags: string[]): { ruleId: string, tags: string[] }[] {
  const axe = createRequire(import.meta.url)('axe-core') as { getRules: (tags: string[]) => { ruleId: string, tags: string[] }[] }
  return axe.getRules(tags)
}

/**
 * Audits `selector` (default: the whole page) against WCAG 2.0/2.1 A and AA;
 * with `rules`, only those rules of them.
 */
export async function audit(page: Page, where: string, selector = 'body', rules?: string[]): Promise<Finding[]> {
  await injectAxe(page)
  const result = await page.evaluate(async ([sel, tags, only]) => {
    const w = window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<unknown> } }
    return w.axe.run(sel, { runOnly: only ? { type: 'rule', values: only } : { type: 'tag', values: tags }, resultTypes: ['violations'] })
  }, [selector, WCAG_TAGS, rules ?? null] as const) as AxeResult
  return result.violations.flatMap(v => v.nodes.map(n => ({
    rule: v.id,
    target: n.target.join(' '),
    where,
    summary: `${v.help}${n.failureSummary ? `: ${n.failureSummary.replace(/\s+/g, ' ').trim()}` : ''}`,
  })))
}

// Runs in the page. Kept as source text: the test runner's transform may add
// helpers to functions that do not exist in the browser.
const SHAPE = `((sel) => {
  const root = document.querySelector(sel)
  if (!root)
    return ''
  let hash = 0
  const add = (s) => {
    for (let i = 0; i < s.length; i++)
      hash = (Math.imul(hash, 31) + s.charCodeAt(i)) | 0
  }
  let count = 0
  for (const el of [root, ...root.querySelectorAll('*')]) {
    count++
    const style = getComputedStyle(el)
    const box = el.getBoundingClientRect()
    const attrs = [...el.attributes].filter(a => a.name !== 'style').map(a => a.name + '=' + a.value).sort().join(' ')
    const text = [...el.childNodes].filter(c => c.nodeType === 3).map(c => c.textContent).join('')
    add([el.tagName, attrs, text, style.display, style.visibility, style.opacity === '0' ? 'transparent' : '', style.fontSize, style.overflowX, style.overflowY,
      Math.round(box.width), Math.round(box.height), Math.round(box.left), Math.round(box.top), el.scrollWidth, el.scrollHeight].join('|') + '\\n')
  }
  return count + ':' + hash
})`

/**
 * What the rules that are not about colour read of `selector`, as one
 * string: every element's tag, attributes (inline style aside), own text,
 * whether and how it is shown, its font size, box and scrolling. Equal in
 * two colour schemes means those rules see the same slide in both.
 */
export async function shape(page: Page, selector: string): Promise<string> {
  return await page.evaluate(`${SHAPE}(${JSON.stringify(selector)})`) as string
}

/**
 * Diagrams need a text alternative: every visible `<svg>` in a slide that is
 * not decorative (`aria-hidden`) carries `role="img"` and a name, or sits in
 * a `<figure>` with a `<figcaption>`, or in an element with `aria-label`.
 */
export async function unnamedDiagrams(page: Page, selector: string, where: string): Promise<Finding[]> {
  const targets = await page.evaluate((sel) => {
    const root = document.querySelector(sel)
    if (!root)
      return []
    return [...root.querySelectorAll('svg')].filter((svg) => {
      const box = svg.getBoundingClientRect()
      // Icons in controls (Slidev's copy button) are named by their control, not diagrams.
      if (box.width < 24 || box.height < 24 || svg.closest('[aria-hidden="true"], button, a, [role="button"], .slidev-code-copy'))
        return false
      const named = (el: Element | null) => Boolean(el?.getAttribute('aria-label') || el?.getAttribute('aria-labelledby'))
      if ((svg.getAttribute('role') === 'img' && (named(svg) || svg.querySelector(':scope > title'))))
        return false
      if (svg.closest('figure')?.querySelector('figcaption') || named(svg.closest('[role="img"], [role="figure"], [aria-label]')))
        return false
      return true
    }).map(svg => `${svg.parentElement?.className || svg.parentElement?.tagName || ''} > svg.${String(svg.getAttribute('class') ?? '').split(' ')[0]}`)
  }, selector)
  return targets.map(target => ({ rule: 'diagram-text-alternative', target, where, summary: 'a diagram with no text alternative (role="img" with aria-label, or a figure with a caption)' }))
}

export function describeFindings(findings: readonly Finding[]): string {
  // One line per rule and element, listing every place it was seen.
  const grouped = new Map<string, Finding[]>()
  for (const f of findings) {
    const key = `${f.rule} ${f.target}`
    grouped.set(key, [...grouped.get(key) ?? [], f])
  }
  return [...grouped.values()].map(list => `${list[0]!.rule} at ${list[0]!.target} (${list.map(f => f.where).join(', ')}): ${list[0]!.summary}`).join('\n')
}
