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
 * spells it (`v-motion`, `v-mark`, a `twoslash` code block): adding one
 * to a slide is all it takes to get it back. The twoslash hovers are left
 * out too when the deck turns Slidev's own `twoslash` flag off for builds,
 * as every deck of the kit does: the flag drops Slidev's twoslash markdown
 * transform, but not the client part its setup imports. Vue's runtime-only build is used because
 * every template in the kit and in Slidev's client is compiled at build
 * time. These are Slidev's internals: a Slidev whose modules are not where
 * 53 has them stops the build, naming what moved (`moved.ts`), and
 * `contract.test.ts` fails the same way against the installed Slidev.
 */
import type { Alias, Plugin } from 'vite'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { moved, SlidevMoved } from './moved.ts'

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
  /**
   * Slidev's headmatter flag for the feature, where it has one: a deck that
   * turns it off for builds (`false` or `'dev'`) gets the stand-in whatever
   * its text says. Slidev's flag alone drops only the feature's markdown
   * transform; its client setup still imports the client part.
   */
  flag?: 'twoslash'
}

/** The deck's flags as Slidev resolved them (`options.data.config`); a flag left out is Slidev's default, on. */
export type FeatureFlags = Partial<Record<NonNullable<ClientFeature['flag']>, boolean | 'dev' | 'build'>>

/** Whether Slidev's `value` for a flag turns the feature on in a build. */
export function onInBuild(value: boolean | 'dev' | 'build' | undefined): boolean {
  return value === undefined || value === true || value === 'build'
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
    // Not the headmatter key (`twoslash: false`).
    used: /\btwoslash\b(?!\s*:)/,
    source: '@shikijs/vitepress-twoslash/client',
    standIn: 'export default { install() {} }',
    flag: 'twoslash',
  },
]

/** Vue with its template compiler, as Slidev aliases `vue`, and the runtime-only build beside it. */
export const VUE_FULL = /vue\.esm-bundler\.js$/
export const VUE_RUNTIME = 'vue.runtime.esm-bundler.js'

/** The names a module's code exports (`default` for a default export). */
export function exportedNames(code: string): string[] {
  const names = [...code.matchAll(/^export (?:async )?(?:function|const|let|class) (\w+)/gm)].map(m => m[1]!)
  for (const block of code.matchAll(/^export \{([^}]*)\}/gm)) {
    for (const part of block[1]!.split(',')) {
      const name = part.trim().split(/\s+as\s+/).at(-1)
      if (name)
        names.push(name)
    }
  }
  if (/^export default\b/m.test(code))
    names.push('default')
  return names
}

/** The names an import clause binds (`default` for a default import): `A, { b, c as d }` → default, b, c. */
export function importedNames(clause: string): string[] {
  const names: string[] = []
  const braces = /\{([^}]*)\}/.exec(clause)
  const head = clause.replace(/\{[^}]*\}/, '').replace(/,/g, ' ').trim()
  if (head && !head.startsWith('*'))
    names.push('default')
  for (const part of braces?.[1]!.split(',') ?? []) {
    const name = part.trim().split(/\s+as\s+/)[0]!.replace(/^type\s+/, '')
    if (name)
      names.push(name)
  }
  return names
}

/** Where Slidev's client setup lives, as the kit names it in messages. */
export const CLIENT_MAIN_FILE = '@slidev/client/setup/main.ts'

/**
 * Why each of `features` could not be left out of `main` (the text of
 * Slidev's client setup): its import is gone, or it imports a name the
 * stand-in does not export. Empty when all can.
 */
export function clientMainProblems(main: string, features: readonly ClientFeature[] = CLIENT_FEATURES): string[] {
  const problems: string[] = []
  for (const f of features) {
    const esc = f.source.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    const line = new RegExp(`^import (.+) from ['"]${esc}['"]`, 'm').exec(main)
    if (!line) {
      problems.push(moved(`\`${CLIENT_MAIN_FILE}\``, `it no longer imports \`${f.source}\` (${f.name})`, 'vite-lean-client.ts'))
      continue
    }
    const offered = exportedNames(f.standIn)
    const missing = importedNames(line[1]!).filter(n => !offered.includes(n))
    if (missing.length > 0)
      problems.push(moved(`\`${CLIENT_MAIN_FILE}\``, `it imports ${missing.map(n => `\`${n}\``).join(', ')} from \`${f.source}\` (${f.name}), which the kit's stand-in does not export`, 'vite-lean-client.ts'))
  }
  return problems
}

/** Why Slidev's `resolve.alias` has no `vue` alias to Vue's full build the kit can swap, or null. */
export function vueAliasProblem(alias: unknown): string | null {
  const found = Array.isArray(alias) ? (alias as Alias[]).find(a => a.find === 'vue') : undefined
  if (!found)
    return moved('its Vite config\'s `resolve.alias`', 'it has no alias for `vue`', 'vite-lean-client.ts')
  if (!VUE_FULL.test(found.replacement))
    return moved('its Vite config\'s `resolve.alias` for `vue`', `it points to ${found.replacement}, not to Vue's full build (vue.esm-bundler.js)`, 'vite-lean-client.ts')
  return null
}

/** Slidev's client setup, the one importer whose feature imports are replaced. */
const CLIENT_MAIN = /[/\\]@slidev[/\\]client[/\\]setup[/\\]main\.ts$/
/** A module of Slidev's client. */
const CLIENT_MODULE = /[/\\]@slidev[/\\]client[/\\]/
/** The parser entry that also bundles `yaml`, and the one holding the client's range parser alone. */
const PARSER_CORE = '@slidev/parser/core'
const PARSER_UTILS = '@slidev/parser/utils'

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

export function leanClientPlugin(root: string, flags: FeatureFlags = {}): Plugin {
  let unused: Map<string, ClientFeature> = new Map()
  return {
    name: 'lesson:lean-client',
    enforce: 'pre',
    apply: 'build',
    config: {
      // After Slidev's own config hook has set its aliases.
      order: 'post',
      handler(config) {
        const off = CLIENT_FEATURES.filter(f => f.flag && !onInBuild(flags[f.flag]))
        unused = new Map([...unusedFeatures(kitSources(root)), ...off].map(f => [f.source, f]))
        const alias = config.resolve?.alias
        const problem = vueAliasProblem(alias)
        if (problem)
          throw new SlidevMoved([problem])
        const vue = (alias as Alias[]).find(a => a.find === 'vue')!
        vue.replacement = vue.replacement.replace(VUE_FULL, VUE_RUNTIME)
      },
    },
    transform(code, id) {
      // Before its imports are resolved: a feature whose import moved would otherwise stay in unseen.
      if (!CLIENT_MAIN.test(id))
        return undefined
      const problems = clientMainProblems(code, [...unused.values()])
      if (problems.length > 0)
        throw new SlidevMoved(problems)
      return undefined
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
