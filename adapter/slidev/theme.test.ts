/**
 * The kit's theme (`theme/`) holds the headmatter every deck shares, in its
 * `package.json` (`slidev.defaults`), because a theme's defaults are the
 * one place Slidev 53 merges settings into a deck's headmatter from
 * (`resolveConfig` in `@slidev/parser`). Here Slidev's own `resolveOptions`
 * runs on every deck in `slides/`, and the settings it resolves must be the
 * ones the decks wrote out themselves on `theme: default`: if Slidev stops
 * merging a theme's defaults, or resolves the addons before merging them,
 * this fails. Its own file, since Slidev keeps the first deck's folder for
 * the rest of the process.
 */
import type { SlidevConfig } from '@slidev/types'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parser, resolveOptions } from '@slidev/cli'
import { describe, expect, it } from 'vitest'
import { KIT_ROOT } from '../../scripts/lib/kit-copy.ts'

const THEME = join(KIT_ROOT, 'adapter', 'slidev', 'theme')
const DEFAULT_THEME = join(KIT_ROOT, 'node_modules', '@slidev', 'theme-default')
const SLIDES = join(KIT_ROOT, 'slides')
const DECKS = readdirSync(SLIDES).filter(f => f.endsWith('.md')).sort()

/** What every deck's headmatter said, word for word, before the kit had a theme. */
const SHARED_BEFORE = {
  theme: 'default',
  addons: ['@/..'],
  fonts: {
    sans: 'Atkinson Hyperlegible Next Variable, Lesson Symbols',
    mono: 'JetBrains Mono Variable, Lesson Symbols',
    provider: 'none',
  },
  favicon: 'favicon.svg',
  lineNumbers: false,
  transition: 'none',
  mdc: true,
  routerMode: 'hash',
  twoslash: false,
  monaco: false,
}

const SHARED_KEYS = ['addons', 'favicon', 'lineNumbers', 'transition', 'mdc', 'routerMode', 'twoslash', 'monaco'] as const

const themeMeta = (root: string) => (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { slidev?: Record<string, unknown> }).slidev ?? {}

/** The config Slidev resolved for a deck before: its shared headmatter, on the default theme. */
const before: SlidevConfig = parser.resolveConfig(SHARED_BEFORE as never, themeMeta(DEFAULT_THEME))

/**
 * The fonts as they reach a page (UnoCSS's families, the web fonts to fetch
 * and from where). `local` is left out: the default theme's defaults named
 * "Avenir Next" there, a font no deck lists, and Slidev reads `local` only
 * to leave those fonts out of `webfonts`.
 */
function fonts(config: SlidevConfig) {
  const { local: _, ...rest } = config.fonts
  return rest
}

describe('the kit\'s theme: the headmatter every deck shares, written once', () => {
  it('every deck in slides/ names the kit\'s theme, and no shared setting of its own', () => {
    for (const deck of DECKS) {
      const head = /^---\n([\s\S]*?)\n---\n/.exec(readFileSync(join(SLIDES, deck), 'utf8'))![1]!
      expect(head, deck).toMatch(/^theme: \.\.\/adapter\/slidev\/theme$/m)
      for (const key of [...SHARED_KEYS, 'fonts'])
        expect(head, `${deck} sets \`${key}\`, which the kit's theme sets for every deck`).not.toMatch(new RegExp(`^${key}:`, 'm'))
    }
  })

  it('resolves each deck, by Slidev\'s own resolveOptions, to the same shared settings as before, the kit as its addon and the default theme\'s layouts', async () => {
    for (const deck of DECKS) {
      const options = await resolveOptions({ entry: join(SLIDES, deck) }, 'build')
      const config = options.data.config
      expect(options.themeRoots, deck).toEqual([THEME])
      expect(options.addonRoots, deck).toEqual([KIT_ROOT.replace(/\/$/, '')])
      for (const key of SHARED_KEYS)
        expect(config[key], `${deck}: \`${key}\``).toEqual(before[key])
      expect(fonts(config), `${deck}: \`fonts\``).toEqual(fonts(before))
      // Spelled out, so that a change to SHARED_BEFORE is seen too.
      expect(config).toMatchObject({ routerMode: 'hash', transition: 'none', mdc: true, lineNumbers: false, favicon: 'favicon.svg', twoslash: false, monaco: false, addons: ['@/..'] })
      expect(config.fonts).toMatchObject({ provider: 'none', webfonts: ['Atkinson Hyperlegible Next Variable', 'Lesson Symbols', 'JetBrains Mono Variable'] })
      expect(config.fonts.sans.slice(0, 2)).toEqual(['"Atkinson Hyperlegible Next Variable"', '"Lesson Symbols"'])
      expect(config.fonts.mono.slice(0, 2)).toEqual(['"JetBrains Mono Variable"', '"Lesson Symbols"'])
      const layouts = await options.utils.getLayouts()
      for (const name of ['cover', 'fact', 'intro', 'quote', 'section', 'statement'])
        expect(layouts[name], `${deck}: layout ${name}`).toBe(join(THEME, 'layouts', `${name}.ts`))
    }
  }, 120_000)

  it('re-exports the default theme\'s six layouts and its styles, unchanged', () => {
    const layouts = readdirSync(join(DEFAULT_THEME, 'layouts')).map(f => f.replace(/\.vue$/, '')).sort()
    expect(readdirSync(join(THEME, 'layouts')).map(f => f.replace(/\.ts$/, '')).sort()).toEqual(layouts)
    for (const name of layouts)
      expect(readFileSync(join(THEME, 'layouts', `${name}.ts`), 'utf8')).toMatch(new RegExp(`^export \\{ default \\} from '@slidev/theme-default/layouts/${name}\\.vue'$`, 'm'))
    expect(readFileSync(join(THEME, 'styles', 'index.ts'), 'utf8')).toMatch(/^import '@slidev\/theme-default\/styles\/index\.ts'$/m)
  })

  it('accepts the Slidev the kit, as an addon, accepts', () => {
    const engines = (path: string) => (JSON.parse(readFileSync(path, 'utf8')) as { engines: { slidev: string } }).engines.slidev
    expect(engines(join(THEME, 'package.json'))).toBe(engines(join(KIT_ROOT, 'package.json')))
  })
})
