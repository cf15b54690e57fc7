import type { Plugin } from 'vite'
/**
 * Slidev puts every slide's metadata in the deck's entry chunk, loaded
 * before the first slide: per slide, its frontmatter, its info and six
 * getters over the frontmatter, about 600 bytes minified. For a lesson of
 * 189 slides that is most of what it loads beyond a plain deck. In builds,
 * this rewrites each slide's frontmatter module (made by `@slidev/cli`
 * 53's slides loader) to the same values through one shared function
 * (`slide-meta.ts` beside this file), and leaves out `frontmatterRaw`, which only
 * the dev server's side editor reads; and the list of slides gets one
 * shared loader function instead of one written out per slide; and the
 * slides' titles (for the Go-to dialog) load when first shown.
 *
 * These modules are Slidev's internals. A module of another shape stops
 * the build, naming what moved (`moved.ts`), and `contract.test.ts` fails
 * the same way against the installed Slidev, so an upgrade that changes
 * them is caught by `npm test` before any build.
 */
import { fileURLToPath } from 'node:url'
import { isSlideDefault } from '../../core/built-slide.ts'
import { moved, SlidevMoved } from './moved.ts'

/** Slidev's module listing the slides, with a loader for each. */
export const SLIDES_MODULE = '/@slidev/slides'
/** One slide's loader in it, as `@slidev/cli` 53 writes it. */
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

/** Why `code` is not a slides module `compactSlideLoaders` can compact, or null when it is. */
export function slideLoadersProblem(code: string): string | null {
  const what = `\`${SLIDES_MODULE}\` (its slide loaders)`
  if (!CACHE.test(code))
    return moved(what, `no line matches ${CACHE}`, 'vite-slide-meta.ts')
  const all = code.match(/^const load\d+ = .*$/gm) ?? []
  if (all.length === 0)
    return moved(what, 'no line starts a slide loader `const load<n> = `', 'vite-slide-meta.ts')
  const matching = new Set([...code.matchAll(LOADER)].map(m => m[1]))
  const odd = all.filter(line => !matching.has(/\d+/.exec(line)![0]))
  if (odd.length > 0)
    return moved(what, `${odd.length} of ${all.length} slide loaders do not match ${LOADER}; the first is \`${odd[0]}\``, 'vite-slide-meta.ts')
  return null
}

/** Slidev's component rendering any slide's title (the Go-to dialog, `<Toc>`), and the module it re-exports. */
export const TITLE_RENDERER = '/@slidev/title-renderer'
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

/** Why `code` is not the title renderer `lazyTitleRenderer` can make lazy, or null when it is. */
export function titleRendererProblem(code: string): string | null {
  return code.trim() === TITLE_RENDERER_CODE ? null : moved(`\`${TITLE_RENDERER}\``, `expected exactly \`${TITLE_RENDERER_CODE}\`, found \`${code.trim().slice(0, 120)}\``, 'vite-slide-meta.ts')
}

/** Slidev's id for slide n's frontmatter source module. */
export const SLIDE_FRONTMATTER = /__slidev_\d+\.frontmatter$/

const LINES = {
  frontmatter: /^export const frontmatterData = (.*)$/m,
  base: /^ {4}\.\.\.\((\{.*\})\),$/m,
  filepath: /^ {4}filepath: (".*"),$/m,
  start: /^ {4}start: (\d+),$/m,
  sourceIndex: /^ {4}sourceIndex: (\d+),$/m,
  id: /^ {4}id: (\d+),$/m,
  no: /^ {4}no: (\d+),$/m,
} as const

/** The getters on a slide's `meta` that `slideMeta` (`slide-meta.ts`) writes too, in Slidev's order. */
export const META_GETTERS = ['layout', 'transition', 'class', 'clicks', 'name', 'preload'] as const
/** The lines that mark Slidev's frontmatter module, which `slideMeta` replaces. */
const META_MARKERS = ['export const meta = shallowReactive({', '__clicksContext: null,', '__preloaded: false,'] as const

/** Why `code` is not a slide's frontmatter module `compactSlideMeta` can compact, or null when it is. */
export function slideMetaProblem(code: string): string | null {
  const what = 'a slide\'s frontmatter module (`<deck>.md__slidev_<n>.frontmatter`)'
  const problem = (detail: string) => moved(what, detail, 'vite-slide-meta.ts')
  for (const marker of META_MARKERS) {
    if (!code.includes(marker))
      return problem(`no line \`${marker}\``)
  }
  for (const [key, re] of Object.entries(LINES)) {
    const m = re.exec(code)
    if (!m)
      return problem(`no line for \`${key}\` matches ${re}`)
    if (key === 'frontmatter' || key === 'base') {
      try {
        JSON.parse(m[1]!)
      }
      catch {
        return problem(`\`${key}\` is no longer JSON: ${m[1]!.slice(0, 120)}`)
      }
    }
  }
  const getters = [...code.matchAll(/^ {2}get (\w+)\(\)/gm)].map(m => m[1])
  if (getters.join() !== META_GETTERS.join())
    return problem(`its meta has the getters ${getters.join(', ') || '(none)'}, where slide-meta.ts writes ${META_GETTERS.join(', ')}`)
  return null
}

/**
 * The compact module for one slide's frontmatter module as Slidev generates
 * it, or null when `code` is not of that shape. `helper` is the import path
 * of `slide-meta.ts` beside this file.
 */
export function compactSlideMeta(code: string, helper: string): string | null {
  if (slideMetaProblem(code) !== null)
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
        const problem = (isSlide ? slideMetaProblem(code) : id === SLIDES_MODULE ? slideLoadersProblem(code) : titleRendererProblem(code))
        throw new SlidevMoved([problem ?? moved(id, 'not the module the kit compacts', 'vite-slide-meta.ts')])
      }
      return { code: compact, map: null }
    },
  }
}
