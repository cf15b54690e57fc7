import type { Plugin } from 'vite'
/**
 * Slidev puts every slide's metadata in the deck's entry chunk, loaded
 * before the first slide: per slide, its frontmatter, its info and six
 * getters over the frontmatter, about 600 bytes minified. For a lesson of
 * 189 slides that is most of what it loads beyond a plain deck. In builds,
 * this rewrites each slide's frontmatter module (made by `@slidev/cli`
 * 52.20.1's slides loader) to the same values through one shared function
 * (`components/slide-meta.ts`), and leaves out `frontmatterRaw`, which only
 * the dev server's side editor reads. A module of another shape is left as
 * Slidev made it, with a warning, so a Slidev update never breaks a build.
 */
import { join } from 'node:path'

/** Slidev's id for slide n's frontmatter source module. */
const SLIDE_FRONTMATTER = /__slidev_\d+\.frontmatter$/

const LINES = {
  frontmatter: /^export const frontmatterData = (.*)$/m,
  base: /^ {4}\.\.\.\((\{.*\})\),$/m,
  filepath: /^ {4}filepath: (".*"),$/m,
  start: /^ {4}start: (\d+),$/m,
  sourceIndex: /^ {4}sourceIndex: (\d+),$/m,
  id: /^ {4}id: (\d+),$/m,
  no: /^ {4}no: (\d+),$/m,
} as const

/**
 * The compact module for one slide's frontmatter module as Slidev generates
 * it, or null when `code` is not of that shape. `helper` is the import path
 * of `components/slide-meta.ts`.
 */
export function compactSlideMeta(code: string, helper: string): string | null {
  if (!code.includes('export const meta = shallowReactive({') || !code.includes('__preloaded: false'))
    return null
  const found: Partial<Record<keyof typeof LINES, string>> = {}
  for (const [key, re] of Object.entries(LINES) as [keyof typeof LINES, RegExp][]) {
    const m = re.exec(code)
    if (!m)
      return null
    found[key] = m[1]!
  }
  let base: Record<string, unknown>
  try {
    base = JSON.parse(found.base!) as Record<string, unknown>
    JSON.parse(found.frontmatter!)
  }
  catch {
    return null
  }
  delete base.frontmatterRaw
  const slide = { ...base, filepath: JSON.parse(found.filepath!) as string, start: Number(found.start), sourceIndex: Number(found.sourceIndex), id: Number(found.id), no: Number(found.no) }
  return [
    '// @unocss-include',
    'import { reactive } from "vue"',
    `import { slideMeta } from ${JSON.stringify(helper)}`,
    `export const frontmatterData = ${found.frontmatter}`,
    'export const frontmatter = reactive(frontmatterData)',
    'export default frontmatter',
    `export const meta = slideMeta(frontmatter, ${JSON.stringify(slide)})`,
  ].join('\n')
}

export function slideMetaPlugin(root: string): Plugin {
  const helper = join(root, 'components', 'slide-meta.ts')
  let warned = false
  return {
    name: 'lesson:slide-meta',
    enforce: 'pre',
    apply: 'build',
    transform(code, id) {
      if (!SLIDE_FRONTMATTER.test(id))
        return undefined
      const compact = compactSlideMeta(code, helper)
      if (compact === null) {
        if (!warned)
          this.warn(`${id}: not the slide metadata module this kit knows (Slidev 52.20.1); left as Slidev made it`)
        warned = true
        return undefined
      }
      return { code: compact, map: null }
    },
  }
}
