import type { Plugin } from 'vite'
/**
 * Slidev puts every slide's metadata in the deck's entry chunk, loaded
 * before the first slide: per slide, its frontmatter, its info and six
 * getters over the frontmatter, about 600 bytes minified. For a lesson of
 * 189 slides that is most of what it loads beyond a plain deck. In builds,
 * this rewrites each slide's frontmatter module (made by `@slidev/cli`
 * 52.20.1's slides loader) to the same values through one shared function
 * (`slide-meta.ts` beside this file), and leaves out `frontmatterRaw`, which only
 * the dev server's side editor reads; and the list of slides gets one
 * shared loader function instead of one written out per slide; and the
 * slides' titles (for the Go-to dialog) load when first shown. A module of another shape is left as
 * Slidev made it, with a warning, so a Slidev update never breaks a build.
 */
import { fileURLToPath } from 'node:url'
import { isSlideDefault } from '../../core/built-slide.ts'

/** Slidev's module listing the slides, with a loader for each. */
const SLIDES_MODULE = '/@slidev/slides'
/** One slide's loader in it, as `@slidev/cli` 52.20.1 writes it. */
const LOADER = /^const load(\d+) = async \(\) => \{\n {2}try \{ return componentsCache\[(\d+)\] \?\?= await (import\('[^']+'\)) \}\n {2}catch \(e\) \{ console\.error\('slide failed to load', e\); return SlideError \}\n\}$/gm
const CACHE = /^const componentsCache = new Array\(\d+\)$/m

/**
 * The slides module with one shared loader function instead of one written
 * out per slide (each still imports its own slide, so each slide stays its
 * own chunk), or null when `code` is not of the shape Slidev makes.
 */
export function compactSlideLoaders(code: string): string | null {
  const cache = CACHE.exec(code)
  const loaders = code.match(LOADER)?.length ?? 0
  if (!cache || loaders === 0 || loaders !== (code.match(/^const load\d+ = /gm)?.length ?? 0))
    return null
  const shared = [
    'const slideLoader = (idx, load) => async () => {',
    '  try { return componentsCache[idx] ??= await load() }',
    '  catch (e) { console.error(\'slide failed to load\', e); return SlideError }',
    '}',
  ].join('\n')
  return code
    .replace(cache[0], `${cache[0]}\n${shared}`)
    .replace(LOADER, (_, no: string, idx: string, load: string) => `const load${no} = slideLoader(${idx}, () => ${load})`)
}

/** Slidev's component rendering any slide's title (the Go-to dialog, `<Toc>`), and the module it re-exports. */
const TITLE_RENDERER = '/@slidev/title-renderer'
const TITLE_RENDERER_CODE = 'export { default } from "/@slidev/title-renderer.md"'

/**
 * The title renderer holds every slide's title compiled, and the Go-to
 * dialog that uses it is loaded with the deck: made an async component, its
 * titles are fetched when a title is first shown instead.
 */
export function lazyTitleRenderer(code: string): string | null {
  if (code.trim() !== TITLE_RENDERER_CODE)
    return null
  return [
    'import { defineAsyncComponent } from "vue"',
    'export default defineAsyncComponent(() => import("/@slidev/title-renderer.md"))',
  ].join('\n')
}

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
 * of `slide-meta.ts` beside this file.
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
  const slide: Record<string, unknown> = { ...base, filepath: JSON.parse(found.filepath!) as string, start: Number(found.start), sourceIndex: Number(found.sourceIndex), id: Number(found.id), no: Number(found.no) }
  // Fields at their default are filled back in by `slideMeta` (`slide-meta.ts` beside this file).
  for (const [key, value] of Object.entries(slide)) {
    if (isSlideDefault(key, value))
      delete slide[key]
  }
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

export function slideMetaPlugin(): Plugin {
  const helper = fileURLToPath(new URL('./slide-meta.ts', import.meta.url))
  // One warning for all the slides' modules, which share one shape.
  let warnedSlide = false
  return {
    name: 'lesson:slide-meta',
    enforce: 'pre',
    apply: 'build',
    transform(code, id) {
      const isSlide = SLIDE_FRONTMATTER.test(id)
      if (!isSlide && id !== SLIDES_MODULE && id !== TITLE_RENDERER)
        return undefined
      const compact = isSlide ? compactSlideMeta(code, helper) : id === SLIDES_MODULE ? compactSlideLoaders(code) : lazyTitleRenderer(code)
      if (compact === null) {
        if (!isSlide || !warnedSlide)
          this.warn(`${id}: not the module this kit knows from Slidev 52.20.1; left as Slidev made it`)
        warnedSlide ||= isSlide
        return undefined
      }
      return { code: compact, map: null }
    },
  }
}
