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
 * The rules among those whose verdict depends on colours: the only ones a
 * second colour scheme of the same page can change. Everything else axe
 * audits (names, roles, structure, language) reads the document, which is
 * the same in either scheme.
 */
export const COLOUR_RULES = ['color-contrast', 'link-in-text-block']

/**
 * Audits `selector` (default: the whole page) against WCAG 2.0/2.1 A and AA,
 * or only against `rules` (axe rule ids) when given.
 *
 * Slidev lays its drawing layer (`DrawingPreview`, an `<svg>` with nothing
 * in it) over every slide. axe takes any element over a text for something
 * that may hide it: it then cannot tell the text's background, and leaves
 * the contrast of every text on the slide undecided (`incomplete`, neither
 * passed nor failed) instead of measuring it. An `<svg>` with no child
 * elements draws nothing, so while axe runs such ones are not displayed.
 */
export async function audit(page: Page, where: string, selector = 'body', rules?: readonly string[]): Promise<Finding[]> {
  await injectAxe(page)
  const runOnly = rules ? { type: 'rule', values: [...rules] } : { type: 'tag', values: WCAG_TAGS }
  const result = await page.evaluate(async ([sel, only]) => {
    const w = window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<unknown> } }
    const empty = [...document.querySelectorAll('svg')].filter(svg => svg.childElementCount === 0).map(svg => [svg, svg.style.display] as const)
    for (const [svg] of empty)
      svg.style.display = 'none'
    try {
      return await w.axe.run(sel, { runOnly: only, resultTypes: ['violations'] })
    }
    finally {
      for (const [svg, display] of empty)
        svg.style.display = display
    }
  }, [selector, runOnly] as const) as AxeResult
  return result.violations.flatMap(v => v.nodes.map(n => ({
    rule: v.id,
    target: n.target.join(' '),
    where,
    summary: `${v.help}${n.failureSummary ? `: ${n.failureSummary.replace(/\s+/g, ' ').trim()}` : ''}`,
  })))
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

/**
 * Animations still running once a slide has settled: none, when the reader
 * asked for reduced motion (the kit's CSS cuts every transition and
 * animation to 0.01 ms then).
 */
export async function runningAnimations(page: Page, where: string): Promise<Finding[]> {
  const running = await page.evaluate(() => document.getAnimations()
    .filter(a => a.playState === 'running' && Number(a.effect?.getComputedTiming().duration ?? 0) > 1)
    .map(a => (a.effect as KeyframeEffect | null)?.target?.className?.toString() ?? 'unknown'))
  return running.map(target => ({ rule: 'reduced-motion', target, where, summary: 'an animation runs although the reader asked for reduced motion' }))
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
