/**
 * Slidev's client loads, before any deck's first slide, features this
 * lesson never uses: the `v-motion` directive (`@vueuse/motion` and
 * popmotion), the `v-mark` directive (rough-notation and roughjs), the
 * twoslash hovers (floating-vue), Vue's template compiler, and the `yaml`
 * parser (pulled in by one range parser imported from `@slidev/parser/core`
 * instead of `@slidev/parser/utils`, where the same function lives). In
 * builds, this plugin leaves each of them out, about 190 KiB of JavaScript
 * before the first slide.
 *
 * A feature stays in as soon as any deck, component, layout or setup file
 * spells it (`v-motion`, `v-mark`, `twoslash`): adding one to a slide is
 * all it takes to get it back. Vue's runtime-only build is used because
 * every template in the kit and in Slidev's client is compiled at build
 * time. A Slidev whose modules are not where 52.20.1 has them is left as
 * it is, with a warning.
 */
import type { Alias, Plugin } from 'vite'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

/** A client feature that can be left out of a build, and how to spot a use of it. */
export interface ClientFeature {
  /** As a slide author spells it. */
  name: string
  /** A use of the feature in a deck, component, layout or setup file. */
  used: RegExp
  /** The import that brings it in, as Slidev's `setup/main.ts` writes it. */
  source: string
  /** The module put in its place: the same exports, doing nothing. */
  standIn: string
}

export const CLIENT_FEATURES: readonly ClientFeature[] = [
  {
    name: 'v-motion',
    used: /\bv-motion\b/,
    source: '../modules/v-motion',
    standIn: 'export function createVMotionDirectives() { return { install() {} } }',
  },
  {
    name: 'v-mark',
    used: /\bv-mark\b/,
    source: '../modules/v-mark',
    standIn: 'export function createVMarkDirective() { return { install() {} } }',
  },
  {
    name: 'twoslash',
    used: /\btwoslash\b/,
    source: '@shikijs/vitepress-twoslash/client',
    standIn: 'export default { install() {} }',
  },
]

/** Slidev's client setup, the one importer whose feature imports are replaced. */
const CLIENT_MAIN = /[/\\]@slidev[/\\]client[/\\]setup[/\\]main\.ts$/
/** A module of Slidev's client. */
const CLIENT_MODULE = /[/\\]@slidev[/\\]client[/\\]/
/** The parser entry that also bundles `yaml`, and the one holding the client's range parser alone. */
const PARSER_CORE = '@slidev/parser/core'
const PARSER_UTILS = '@slidev/parser/utils'
/** Vue with its template compiler, as Slidev aliases `vue`, and the runtime-only build beside it. */
const VUE_FULL = /vue\.esm-bundler\.js$/
const VUE_RUNTIME = 'vue.runtime.esm-bundler.js'

const STAND_IN = '\0lesson-unused:'

/** The features none of `texts` uses. */
export function unusedFeatures(texts: Iterable<string>, features: readonly ClientFeature[] = CLIENT_FEATURES): ClientFeature[] {
  const left = new Set(features)
  for (const text of texts) {
    for (const f of left) {
      if (f.used.test(text))
        left.delete(f)
    }
    if (left.size === 0)
      break
  }
  return [...left]
}

/** Where the kit's slides and Vue code live, relative to its root. */
const SOURCE_DIRS = ['slides', 'components', 'layouts', 'setup']
const SOURCE_FILE = /\.(?:md|vue|ts)$/

/** Every deck, component, layout and setup file's text, and the global layers'. */
export function* kitSources(root: string): Generator<string> {
  function* walk(dir: string): Generator<string> {
    let entries
    try {
      entries = readdirSync(dir, { withFileTypes: true })
    }
    catch {
      return
    }
    for (const e of entries) {
      if (e.name === 'node_modules' || e.name.startsWith('.'))
        continue
      const path = join(dir, e.name)
      if (e.isDirectory())
        yield* walk(path)
      else if (SOURCE_FILE.test(e.name))
        yield readFileSync(path, 'utf8')
    }
  }
  for (const dir of SOURCE_DIRS)
    yield* walk(join(root, dir))
  for (const layer of ['global-top.vue', 'global-bottom.vue']) {
    try {
      yield readFileSync(join(root, layer), 'utf8')
    }
    catch {}
  }
}

export function leanClientPlugin(root: string): Plugin {
  let unused: Map<string, ClientFeature> = new Map()
  return {
    name: 'lesson:lean-client',
    enforce: 'pre',
    apply: 'build',
    config: {
      // After Slidev's own config hook has set its aliases.
      order: 'post',
      handler(config) {
        unused = new Map(unusedFeatures(kitSources(root)).map(f => [f.source, f]))
        const alias = config.resolve?.alias
        const vue = Array.isArray(alias) ? (alias as Alias[]).find(a => a.find === 'vue' && VUE_FULL.test(a.replacement)) : undefined
        if (vue)
          vue.replacement = vue.replacement.replace(VUE_FULL, VUE_RUNTIME)
        else
          console.warn('lesson:lean-client: Slidev no longer aliases `vue` to its full build; left as it is')
      },
    },
    async resolveId(source, importer) {
      if (!importer)
        return null
      if (source === PARSER_CORE && CLIENT_MODULE.test(importer))
        return this.resolve(PARSER_UTILS, importer, { skipSelf: true })
      const feature = unused.get(source)
      if (feature && CLIENT_MAIN.test(importer))
        return `${STAND_IN}${feature.name}`
      return null
    },
    load(id) {
      if (!id.startsWith(STAND_IN))
        return null
      const name = id.slice(STAND_IN.length)
      return [...unused.values()].find(f => f.name === name)?.standIn ?? null
    },
  }
}
