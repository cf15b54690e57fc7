import { describe, expect, it } from 'vitest'
import { evaluate } from './testing.ts'
import { compactSlideLoaders, compactSlideMeta, lazyTitleRenderer, slideMetaPlugin } from './vite-slide-meta.ts'

/** A slide's frontmatter module as `@slidev/cli` 53 generates it in a build (its slides loader). */
function slidevModule(frontmatter: Record<string, unknown>, base: Record<string, unknown>, no: number): string {
  return [
    '// @unocss-include',
    'import { computed, reactive, shallowReactive } from "vue"',
    `export const frontmatterData = ${JSON.stringify(frontmatter)}`,
    'if (import.meta.hot) {',
    '  import.meta.hot.data.frontmatter ??= reactive(frontmatterData)',
    '}',
    'export const frontmatter = import.meta.hot ? import.meta.hot.data.frontmatter : reactive(frontmatterData)',
    'export default frontmatter',
    'export const meta = shallowReactive({',
    '  get layout(){ return frontmatter.layout },',
    '  get transition(){ return frontmatter.transition },',
    '  get class(){ return frontmatter.class },',
    '  get clicks(){ return frontmatter.clicks },',
    '  get name(){ return frontmatter.name },',
    '  get preload(){ return frontmatter.preload },',
    '  slide: {',
    `    ...(${JSON.stringify(base)}),`,
    `    frontmatter,`,
    `    filepath: "",`,
    `    start: 12,`,
    `    sourceIndex: 3,`,
    `    id: ${no - 1},`,
    `    no: ${no},`,
    '  },',
    '  __clicksContext: null,',
    '  __preloaded: false,',
    '})',
  ].join('\n')
}

const FRONTMATTER = { layout: 'two-cols', class: 'dense', clicks: 3, minutes: 1.5, topic: 'rc', section: 'Rc<T>' }
const BASE = { content: '', revision: 'abc123', frontmatterRaw: 'layout: two-cols\n', note: '', title: 'Shared ownership `Rc`', level: 1, index: 4, noteHTML: '', images: [], raw: '' }

describe('compactSlideMeta', () => {
  it('gives the same meta as Slidev\'s module, without the raw frontmatter', () => {
    const slidev = evaluate(slidevModule(FRONTMATTER, BASE, 5))
    const code = compactSlideMeta(slidevModule(FRONTMATTER, BASE, 5), '/kit/components/slide-meta.ts')
    expect(code).not.toBeNull()
    const compact = evaluate(code!)
    const { frontmatterRaw: _, ...expected } = slidev.meta.slide as Record<string, unknown>
    expect(compact.meta.slide).toEqual(expected)
    for (const key of ['layout', 'transition', 'class', 'clicks', 'name', 'preload', '__clicksContext', '__preloaded'])
      expect(compact.meta[key]).toEqual(slidev.meta[key])
    expect(compact.frontmatter).toEqual(FRONTMATTER)
    expect(code).toContain('import { slideMeta } from "/kit/components/slide-meta.ts"')
    expect(code).not.toContain('frontmatterRaw')
  })

  it('writes empty fields once, and keeps those that are not empty', () => {
    const withNotes = { ...BASE, noteHTML: '<p>Ask the class</p>', images: ['/rc.png'] }
    const code = compactSlideMeta(slidevModule(FRONTMATTER, withNotes, 5), 'h')!
    expect(code).not.toContain('"raw"')
    expect(code).toContain('<p>Ask the class</p>')
    const a = evaluate(compactSlideMeta(slidevModule(FRONTMATTER, BASE, 5), 'h')!).meta.slide as { images: string[] }
    const b = evaluate(compactSlideMeta(slidevModule(FRONTMATTER, BASE, 6), 'h')!).meta.slide as { images: string[] }
    expect(a.images).toEqual([])
    expect(a.images).not.toBe(b.images)
    expect((evaluate(code).meta.slide as { images: string[] }).images).toEqual(['/rc.png'])
  })

  it('keeps reading the frontmatter as it changes', () => {
    const compact = evaluate(compactSlideMeta(slidevModule(FRONTMATTER, BASE, 5), 'h')!)
    compact.frontmatter.layout = 'center'
    expect(compact.meta.layout).toBe('center')
    expect((compact.meta.slide as { frontmatter: unknown }).frontmatter).toBe(compact.frontmatter)
  })

  it('leaves a module of another shape alone', () => {
    expect(compactSlideMeta('export default {}', 'h')).toBeNull()
    expect(compactSlideMeta(slidevModule(FRONTMATTER, BASE, 5).replace(/ {4}start: 12,\n/, ''), 'h')).toBeNull()
  })
})

/** The slides module as `@slidev/cli` 53 writes it (its `/@slidev/slides` template), for `count` slides. */
function slidevSlides(count: number): string {
  const lines = [
    `import { defineAsyncComponent, shallowRef } from 'vue'`,
    `import SlideError from '/layouts/error.vue'`,
    `const componentsCache = new Array(${count})`,
  ]
  for (let idx = 0; idx < count; idx++) {
    const no = idx + 1
    lines.push(`import { meta as f${no} } from '/@slidev/slides/${no}/frontmatter'`, `const load${no} = async () => {`, `  try { return componentsCache[${idx}] ??= await import('/@slidev/slides/${no}/md') }`, `  catch (e) { console.error('slide failed to load', e); return SlideError }`, `}`)
  }
  return lines.join('\n')
}

/** The module's loaders, run with `importer` standing in for `import()`. */
function loaders(code: string, count: number, importer: (id: string) => Promise<unknown>): (() => Promise<unknown>)[] {
  const body = code.split('\n').filter(l => !l.startsWith('import ')).join('\n').replaceAll('import(', 'importer(')
  const names = Array.from({ length: count }, (_, i) => `load${i + 1}`)
  // eslint-disable-next-line no-new-func
  return new Function('importer', 'SlideError', 'console', `${body}\nreturn [${names.join(', ')}]`)(importer, 'error-layout', { error: () => {} })
}

describe('compactSlideLoaders', () => {
  it('loads, caches and falls back on error as Slidev\'s loaders do', async () => {
    const code = compactSlideLoaders(slidevSlides(3))
    expect(code).not.toBeNull()
    expect(code).toContain(`import('/@slidev/slides/3/md')`)
    for (const source of [slidevSlides(3), code!]) {
      const asked: string[] = []
      const [one, two, three] = loaders(source, 3, async (id) => {
        asked.push(id)
        if (id.includes('/3/'))
          throw new Error('offline')
        return { id }
      })
      expect(await one!()).toEqual({ id: '/@slidev/slides/1/md' })
      expect(await one!()).toEqual({ id: '/@slidev/slides/1/md' })
      expect(await two!()).toEqual({ id: '/@slidev/slides/2/md' })
      expect(await three!()).toBe('error-layout')
      expect(asked).toEqual(['/@slidev/slides/1/md', '/@slidev/slides/2/md', '/@slidev/slides/3/md'])
    }
  })

  it('leaves a module of another shape alone', () => {
    expect(compactSlideLoaders('export const slides = []')).toBeNull()
    expect(compactSlideLoaders(slidevSlides(2).replace('catch (e) { console.error', 'catch (err) { console.error'))).toBeNull()
  })
})

describe('lazyTitleRenderer', () => {
  it('makes Slidev\'s title renderer an async component over the same module', () => {
    const code = lazyTitleRenderer('export { default } from "/@slidev/title-renderer.md"')
    expect(code).toContain('defineAsyncComponent(() => import("/@slidev/title-renderer.md"))')
    expect(lazyTitleRenderer('export { default } from "./elsewhere.md"')).toBeNull()
  })
})

describe('slideMetaPlugin when Slidev moved', () => {
  type Transform = (code: string, id: string) => unknown
  const transform = slideMetaPlugin().transform as Transform

  it('stops the build naming the module and the line, rather than leaving it as Slidev made it', () => {
    expect(() => transform(slidevSlides(2).replaceAll('catch (e)', 'catch (err)'), '/@slidev/slides')).toThrow(/Slidev moved `\/@slidev\/slides` \(its slide loaders\): 2 of 2 slide loaders do not match/)
    expect(() => transform(slidevModule(FRONTMATTER, BASE, 5).replace(/ {4}start: 12,\n/, ''), '/kit/slides/rc.md__slidev_5.frontmatter')).toThrow(/no line for `start` matches/)
    expect(() => transform('export { default } from "./elsewhere.md"', '/@slidev/title-renderer')).toThrow(/`\/@slidev\/title-renderer`/)
  })

  it('compacts the modules Slidev made', () => {
    expect(transform(slidevSlides(2), '/@slidev/slides')).toHaveProperty('code')
    expect(transform('/* not ours */', '/kit/components/X.vue')).toBeUndefined()
  })
})
