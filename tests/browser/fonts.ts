import type { CDPSession, Page } from 'playwright-core'
/**
 * Which fonts drew a slide's text, as Chromium reports them
 * (`CSS.getPlatformFontsForNode`): a font the page loaded (a web font the
 * kit bundles) or one of the machine's own. Text drawn in a system font
 * looks different on every machine, so screenshots and line widths vary
 * with what is installed; the kit's decks draw every glyph with its own.
 */

export interface SystemFontUse {
  /** The system font's family name, as Chromium reports it. */
  family: string
  /** How many glyphs it drew. */
  glyphs: number
  /** The element's text, shortened. */
  text: string
  /** The element's tag and classes, e.g. `span.quiz-mark`. */
  element: string
}

interface CdpNode {
  nodeId: number
  nodeType: number
  nodeName: string
  nodeValue?: string
  attributes?: string[]
  children?: CdpNode[]
  contentDocument?: CdpNode
  shadowRoots?: CdpNode[]
}

interface PlatformFont { familyName: string, isCustomFont: boolean, glyphCount: number }

const short = (s: string): string => s.trim().replace(/\s+/g, ' ').slice(0, 40)

function describe(node: CdpNode): string {
  const attrs = node.attributes ?? []
  const cls = attrs[attrs.indexOf('class') + 1]
  const classes = attrs.includes('class') && cls ? `.${cls.trim().split(/\s+/).join('.')}` : ''
  return `${node.nodeName.toLowerCase()}${classes}`
}

/**
 * Every use of a system font to draw text inside the elements matching
 * `selector` (all of them, shown or not: a hidden element draws nothing and
 * reports no font). Empty when every glyph came from a bundled font.
 */
export async function systemFonts(page: Page, selector: string): Promise<SystemFontUse[]> {
  const cdp = await session(page)
  {
    const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true }) as { root: CdpNode }
    const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector }) as { nodeIds: number[] }
    const byId = new Map<number, CdpNode>()
    const index = (n: CdpNode) => {
      byId.set(n.nodeId, n)
      for (const c of [...n.children ?? [], ...n.shadowRoots ?? [], ...n.contentDocument ? [n.contentDocument] : []])
        index(c)
    }
    index(root)
    // Every element under the matches that holds text of its own.
    const holders = new Set<CdpNode>()
    const collect = (n: CdpNode) => {
      if (n.nodeType === 1 && (n.children ?? []).some(c => c.nodeType === 3 && c.nodeValue?.trim()))
        holders.add(n)
      for (const c of [...n.children ?? [], ...n.shadowRoots ?? []])
        collect(c)
    }
    for (const id of nodeIds) {
      const n = byId.get(id)
      if (n)
        collect(n)
    }
    // Asked all at once: one round trip's wait instead of one per element.
    const answers = await Promise.all([...holders].map(async n => ({ n, ...await cdp.send('CSS.getPlatformFontsForNode', { nodeId: n.nodeId }) as { fonts: PlatformFont[] } })))
    const found: SystemFontUse[] = []
    for (const { n, fonts } of answers) {
      const text = short((n.children ?? []).filter(c => c.nodeType === 3).map(c => c.nodeValue ?? '').join(' '))
      for (const f of fonts.filter(f => !f.isCustomFont && f.glyphCount > 0))
        found.push({ family: f.familyName, glyphs: f.glyphCount, text, element: describe(n) })
    }
    return found
  }
}

/**
 * One DevTools session a page, its DOM and CSS agents enabled once: enabling
 * the CSS agent makes Chromium gather every style sheet of the page, which
 * cost more than the question itself when done for every slide.
 */
const sessions = new WeakMap<Page, Promise<CDPSession>>()
function session(page: Page): Promise<CDPSession> {
  let open = sessions.get(page)
  if (!open) {
    open = (async () => {
      const cdp = await page.context().newCDPSession(page)
      await cdp.send('DOM.enable')
      await cdp.send('CSS.enable')
      return cdp
    })()
    sessions.set(page, open)
  }
  return open
}

/** One line per use: `span.quiz-mark "✓ what really happened": 1 glyph in DejaVu Sans`. */
export function formatSystemFonts(uses: readonly SystemFontUse[]): string[] {
  return uses.map(u => `${u.element} "${u.text}": ${u.glyphs} glyph${u.glyphs === 1 ? '' : 's'} in ${u.family}`)
}
