/**
 * The contract between the kit and the installed Slidev: every internal of
 * Slidev the adapter relies on, checked against the packages in
 * node_modules, so that an upgrade that moves one fails here, naming what
 * moved, before any build. A build that meets the same change stops with
 * the same message (`moved.ts`).
 *
 * Slidev's own Vite plugins are run on a two-slide deck (its
 * `resolveOptions` and `ViteSlidevPlugin`), so the modules and the config
 * checked are the ones Slidev generates, not copies. Each check is also fed
 * a changed copy of Slidev's text, to show that it fails and what it says.
 */
import type { Alias, Plugin, UserConfig } from 'vite'
import type { ClientFeature } from './vite-lean-client.ts'
import { execFile } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { promisify } from 'node:util'
import { resolveOptions, ViteSlidevPlugin } from '@slidev/cli'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { KIT_ROOT } from '../../scripts/lib/kit-copy.ts'
import { slidevBin } from './cli.ts'
import { clientExportProblems, domProblems, globalsProblems, routeProblems, sharedStateProblems } from './contract.ts'
import { loadDeck, parseDeck } from './parser.ts'
import { initialSharedState, sharedStateBody } from './shared-state.ts'
import { evaluate } from './testing.ts'
import { manualChunksProblem, PRINT_FLAG, printFlagProblem } from './vite-config.ts'
import { CLIENT_FEATURES, clientMainProblems, exportedNames, importedNames, VUE_FULL, VUE_RUNTIME, vueAliasProblem } from './vite-lean-client.ts'
import { compactSlideLoaders, compactSlideMeta, lazyTitleRenderer, SLIDE_FRONTMATTER, slideLoadersProblem, slideMetaProblem, SLIDES_MODULE, TITLE_RENDERER, titleRendererProblem } from './vite-slide-meta.ts'

const CLIENT = join(KIT_ROOT, 'node_modules', '@slidev', 'client')
const readClient = (path: string) => readFileSync(join(CLIENT, path), 'utf8')

/** Slidev's generated modules and Vite config for a two-slide deck, as a build sees them. */
interface Slidev {
  load: (id: string) => Promise<string>
  config: UserConfig
}

let dir: string
let slidev: Slidev

beforeAll(async () => {
  // Inside the kit, so that Slidev finds its default theme from the deck.
  await mkdir(join(KIT_ROOT, 'node_modules', '.cache'), { recursive: true })
  dir = await mkdtemp(join(KIT_ROOT, 'node_modules', '.cache', 'slidev-contract-'))
  const entry = join(dir, 'slides.md')
  await writeFile(entry, '---\ntheme: default\nlayout: cover\nrouterMode: hash\n---\n\n# One\n\n---\nclass: dense\n---\n\n# Two\n')
  const options = await resolveOptions({ entry }, 'build')
  const plugins = (await ViteSlidevPlugin(options, {})).flat(Infinity as 1) as Plugin[]
  const named = (name: string) => {
    const plugin = plugins.find(p => p && p.name === name)
    if (!plugin)
      throw new Error(`Slidev has no Vite plugin \`${name}\` any more (the contract test reads modules through it)`)
    return plugin
  }
  const hook = (h: unknown) => (typeof h === 'function' ? h : (h as { handler: unknown }).handler) as (...args: unknown[]) => unknown
  const loader = named('slidev:loader')
  const context = { resolve: async (id: string) => ({ id }) }
  const load = async (id: string) => {
    const out = await hook(loader.load).call(context, id) as string | { code: string } | undefined
    if (out === undefined || out === null)
      throw new Error(`Slidev's loader gives nothing for \`${id}\``)
    return typeof out === 'string' ? out : out.code
  }
  const config = await hook(named('slidev:config').config).call({}, {}, { command: 'build', mode: 'production' }) as UserConfig
  slidev = { load, config }
}, 120_000)

afterAll(() => rm(dir, { recursive: true, force: true }))

/** The id of slide `no`'s frontmatter source module, read from Slidev's facade module. */
async function frontmatterId(no: number): Promise<string> {
  const facade = await slidev.load(`${SLIDES_MODULE}/${no}/frontmatter`)
  return JSON.parse(/from (".*")/.exec(facade)![1]!) as string
}

describe('vite-slide-meta.ts: the modules Slidev generates for a build', () => {
  it('`/@slidev/slides`: every slide\'s loader has the shape the kit compacts', async () => {
    const code = await slidev.load(SLIDES_MODULE)
    expect(slideLoadersProblem(code)).toBeNull()
    expect(compactSlideLoaders(code)).not.toBeNull()
  })

  it('`/@slidev/title-renderer`: one re-export of the titles, which the kit makes lazy', async () => {
    const code = await slidev.load(TITLE_RENDERER)
    expect(titleRendererProblem(code)).toBeNull()
    expect(lazyTitleRenderer(code)).not.toBeNull()
  })

  it('a slide\'s frontmatter module: its id, lines and getters, and the compact module gives the same meta', async () => {
    for (const no of [1, 2]) {
      const id = await frontmatterId(no)
      expect(id, 'the frontmatter module\'s id').toMatch(SLIDE_FRONTMATTER)
      const code = await slidev.load(id)
      expect(slideMetaProblem(code)).toBeNull()
      const compact = compactSlideMeta(code, 'slide-meta.ts')
      expect(compact).not.toBeNull()
      const theirs = evaluate(code)
      const ours = evaluate(compact!)
      const { frontmatterRaw: _, ...slide } = theirs.meta.slide as Record<string, unknown>
      expect(ours.meta.slide).toEqual(slide)
      for (const key of ['layout', 'transition', 'class', 'clicks', 'name', 'preload', '__clicksContext', '__preloaded'])
        expect(ours.meta[key], key).toEqual(theirs.meta[key])
      expect(Object.keys(ours.meta).sort()).toEqual(Object.keys(theirs.meta).sort())
    }
  })

  it('fails naming what moved, on changed copies of Slidev\'s modules', async () => {
    const slides = await slidev.load(SLIDES_MODULE)
    expect(slideLoadersProblem(slides.replace('componentsCache = new Array', 'cache = new Array'))).toMatch(/^Slidev moved `\/@slidev\/slides` .*componentsCache/)
    expect(slideLoadersProblem(slides.replace('catch (e) { console.error', 'catch (err) { console.error'))).toMatch(/1 of 2 slide loaders do not match/)
    expect(titleRendererProblem('export { default } from "/@slidev/titles.md"')).toMatch(/Slidev moved `\/@slidev\/title-renderer`.*titles\.md/)
    const meta = await slidev.load(await frontmatterId(1))
    expect(slideMetaProblem(meta.replace('  get preload(){ return frontmatter.preload },\n', ''))).toMatch(/getters layout, transition, class, clicks, name, where slide-meta\.ts writes .*preload/)
    expect(slideMetaProblem(meta.replace('  get name()', '  get title(){ return frontmatter.title },\n  get name()'))).toMatch(/getters .*title/)
    expect(slideMetaProblem(meta.replace(/ {4}start: /, '    begin: '))).toMatch(/no line for `start` matches/)
    expect(slideMetaProblem(meta.replace('__preloaded: false,', '__loaded: false,'))).toMatch(/no line `__preloaded: false,`/)
    expect(compactSlideMeta(meta.replace('  get preload(){ return frontmatter.preload },\n', ''), 'h')).toBeNull()
  })
})

describe('vite-lean-client.ts: the client features a build leaves out', () => {
  const main = readClient('setup/main.ts')

  it('the client setup (`setup/main.ts`) imports each feature with names the kit\'s stand-in exports', () => {
    expect(clientMainProblems(main)).toEqual([])
  })

  it('each feature\'s module exports what the stand-in replaces', () => {
    const modules: Record<string, () => string> = {
      'v-motion': () => readClient('modules/v-motion.ts'),
      'v-mark': () => readClient('modules/v-mark.ts'),
      'twoslash': () => {
        const pkg = join(KIT_ROOT, 'node_modules', '@shikijs', 'vitepress-twoslash')
        const target = (JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')) as { exports: Record<string, string> }).exports['./client']
        expect(target, '@shikijs/vitepress-twoslash exports ./client').toBeTruthy()
        return readFileSync(join(pkg, target!), 'utf8')
      },
    }
    for (const f of CLIENT_FEATURES) {
      const real = exportedNames(modules[f.name]!())
      for (const name of exportedNames(f.standIn))
        expect(real, `${f.source} (${f.name}) exports ${name}`).toContain(name)
    }
  })

  it('the config aliases `vue` to Vue\'s full build, with the runtime-only build beside it', () => {
    expect(vueAliasProblem(slidev.config.resolve?.alias)).toBeNull()
    const vue = (slidev.config.resolve!.alias as Alias[]).find(a => a.find === 'vue')!
    expect(existsSync(vue.replacement.replace(VUE_FULL, VUE_RUNTIME)), VUE_RUNTIME).toBe(true)
  })

  it('what the client imports from `@slidev/parser/core` is also in `@slidev/parser/utils`', () => {
    const utils = exportedNames(readFileSync(join(KIT_ROOT, 'node_modules', '@slidev', 'parser', 'dist', 'utils.mjs'), 'utf8'))
    const wanted: string[] = []
    const walk = (d: string) => {
      for (const e of readdirSync(d, { withFileTypes: true })) {
        if (e.isDirectory() && e.name !== 'node_modules') {
          walk(join(d, e.name))
        }
        else if (/\.(?:ts|vue)$/.test(e.name)) {
          for (const m of readFileSync(join(d, e.name), 'utf8').matchAll(/^import (.+) from '@slidev\/parser\/core'/gm))
            wanted.push(...importedNames(m[1]!).map(n => `${n} (${join(d, e.name).slice(CLIENT.length + 1)})`))
        }
      }
    }
    walk(CLIENT)
    expect(wanted.filter(w => !utils.includes(w.split(' ')[0]!))).toEqual([])
  })

  it('fails naming what moved, on changed copies of Slidev\'s client setup and config', () => {
    expect(clientMainProblems(main.replace(/^import .* from '\.\.\/modules\/v-mark'\n/m, ''))).toEqual([expect.stringMatching(/^Slidev moved `@slidev\/client\/setup\/main\.ts`: it no longer imports `\.\.\/modules\/v-mark` \(v-mark\)/)])
    expect(clientMainProblems(main.replace('{ createVMotionDirectives }', '{ createVMotionDirectives, vMotion }'))).toEqual([expect.stringMatching(/imports `vMotion` from `\.\.\/modules\/v-motion`/)])
    const feature = CLIENT_FEATURES.find(f => f.name === 'twoslash') as ClientFeature
    expect(clientMainProblems(main.replace(/^import (\w+) from '@shikijs\/vitepress-twoslash\/client'/m, 'import { TwoSlash as $1 } from \'@shikijs/vitepress-twoslash/client\''), [feature])).toEqual([expect.stringMatching(/`TwoSlash`/)])
    expect(vueAliasProblem([])).toMatch(/no alias for `vue`/)
    expect(vueAliasProblem([{ find: 'vue', replacement: '/x/vue.runtime.esm-bundler.js' }])).toMatch(/not to Vue's full build/)
  })
})

describe('vite-config.ts: Slidev\'s Vite config the kit changes', () => {
  it('the config defines the print-page flag, and the client reads it', () => {
    expect(printFlagProblem(slidev.config)).toBeNull()
    expect(readClient('setup/routes.ts')).toContain(PRINT_FLAG)
  })

  it('the config chunks modules with one `manualChunks` function', () => {
    expect(manualChunksProblem(slidev.config)).toBeNull()
  })

  it('fails naming what moved, on changed copies of Slidev\'s config', () => {
    const { [PRINT_FLAG]: _, ...define } = slidev.config.define!
    expect(printFlagProblem({ ...slidev.config, define })).toMatch(/`define`: it has no `__SLIDEV_FEATURE_PRINT__`/)
    expect(manualChunksProblem({ build: { rollupOptions: { output: {} } } })).toMatch(/`build\.rollupOptions\.output\.manualChunks`/)
  })
})

describe('client.ts: the client API the components use', () => {
  const clientTs = readFileSync(join(dirname(new URL(import.meta.url).pathname), 'client.ts'), 'utf8')

  it('each function and value comes from a module of Slidev\'s client that still exports it', () => {
    expect(clientTs).toMatch(/from '@slidev\/client\//)
    expect(clientExportProblems(clientTs, readClient)).toEqual([])
  })

  it('the presenter\'s shared state is `server-reactive:nav`, which the dev server takes as a POST of `{ data }` at SHARED_STATE_URL', () => {
    expect(sharedStateProblems(readClient('state/shared.ts'), readFileSync(join(KIT_ROOT, 'node_modules', 'vite-plugin-vue-server-ref', 'dist', 'index.mjs'), 'utf8'))).toEqual([])
  })

  it('reads a server\'s starting state from its state module, and says when it cannot', () => {
    expect(initialSharedState('import { reactiveSet } from "/@id/x"\nconst data = reactive({"page":1,"clicks":0})\nexport default data\n')).toBe('{"page":1,"clicks":0}')
    expect(initialSharedState('const data = ref(1)\n')).toBeNull()
    expect(JSON.parse(sharedStateBody('{"page":3}'))).toEqual({ data: { page: 3 } })
  })

  it('fails naming the shared state\'s key or the endpoint that moved', () => {
    const server = readFileSync(join(KIT_ROOT, 'node_modules', 'vite-plugin-vue-server-ref', 'dist', 'index.mjs'), 'utf8')
    expect(sharedStateProblems(readClient('state/shared.ts').replace('server-reactive:nav', 'server-reactive:shared'), server)).toEqual([expect.stringMatching(/no longer syncs `server-reactive:nav`/)])
    expect(sharedStateProblems(readClient('state/shared.ts'), server.replace('"/@server-reactive/"', '"/@state/"'))).toEqual([expect.stringMatching(/it no longer serves `server-reactive:` at `\/@server-reactive\/`/)])
    expect(sharedStateProblems(readClient('state/shared.ts'), server.replace(/const data = (?=\$\{type\}\()/, 'const state = '))).toEqual([expect.stringMatching(/its state module no longer starts as `const data = reactive/)])
  })

  it('fails naming the export that moved', () => {
    const read = (m: string) => m === 'state/storage.ts' ? readClient(m).replace('export function lockShortcuts', 'function lockShortcuts') : readClient(m)
    expect(clientExportProblems(clientTs, read)).toEqual([expect.stringMatching(/^Slidev moved `@slidev\/client\/state\/storage\.ts`: it no longer exports `lockShortcuts` \(relied on by adapter\/slidev\/client\.ts/)])
  })
})

describe('globals.d.ts: the compile-time flags Slidev\'s client reads', () => {
  const text = readFileSync(join(dirname(new URL(import.meta.url).pathname), 'globals.d.ts'), 'utf8')

  it('declares exactly the flags Slidev\'s config defines', () => {
    expect(globalsProblems(text, Object.keys(slidev.config.define!))).toEqual([])
  })

  it('fails naming a flag Slidev added or dropped', () => {
    const defined = [...Object.keys(slidev.config.define!).filter(n => n !== '__SLIDEV_FEATURE_PWA__'), '__SLIDEV_FEATURE_NEW__']
    expect(globalsProblems(text, defined)).toEqual([
      expect.stringMatching(/it defines `__SLIDEV_FEATURE_NEW__`, which globals\.d\.ts does not declare/),
      expect.stringMatching(/it no longer defines `__SLIDEV_FEATURE_PWA__`, which globals\.d\.ts declares/),
    ])
  })
})

describe('dom.ts: what Slidev\'s client draws that the kit waits for', () => {
  it('the client still draws each class and id', () => {
    expect(domProblems(readClient)).toEqual([])
  })

  it('fails naming the class that moved', () => {
    const read = (p: string) => p === 'internals/SlideLoading.vue' ? readClient(p).replace('slidev-slide-loading', 'slidev-loading') : readClient(p)
    expect(domProblems(read)).toEqual([expect.stringMatching(/^Slidev moved `@slidev\/client\/internals\/SlideLoading\.vue`: it no longer draws `\.slidev-slide-loading`/)])
  })
})

/** Slidev's dev server, as its CLI ships it: every module of its `dist/`. */
function slidevServerText(): string {
  const dist = join(KIT_ROOT, 'node_modules', '@slidev', 'cli', 'dist')
  return readdirSync(dist).filter(f => f.endsWith('.mjs')).map(f => readFileSync(join(dist, f), 'utf8')).join('\n')
}

describe('routes.ts: the dev server\'s routes that write files', () => {
  const server = slidevServerText()

  it('each route the dev guard keeps off is where Slidev serves it', () => {
    expect(routeProblems(server)).toEqual([])
  })

  it('fails naming the route that moved', () => {
    expect(routeProblems(server.replaceAll('"/__mcp"', '"/__slidev/mcp"'))).toEqual([expect.stringMatching(/no longer has the MCP server at `\/__mcp`/)])
    expect(routeProblems(server.replace(String.raw`/^\/__slidev\/slides\/(\d+)\.json$/`, String.raw`/^\/__slidev\/slide\/(\d+)$/`))).toEqual([expect.stringMatching(/no longer has the slide editor/)])
  })
})

describe('package.json: one Slidev', () => {
  const version = (name: string) => (JSON.parse(readFileSync(join(KIT_ROOT, 'node_modules', ...name.split('/'), 'package.json'), 'utf8')) as { version: string }).version

  it('@slidev/client, parser and types are installed at @slidev/cli\'s version, which the kit pins exactly', () => {
    const kit = JSON.parse(readFileSync(join(KIT_ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }
    expect(kit.dependencies['@slidev/cli'], 'package.json pins @slidev/cli to one version').toMatch(/^\d+\.\d+\.\d+$/)
    expect(version('@slidev/cli')).toBe(kit.dependencies['@slidev/cli'])
    for (const name of ['@slidev/client', '@slidev/parser', '@slidev/types'])
      expect(version(name), name).toBe(version('@slidev/cli'))
  })
})

describe('parser.ts and cli.ts: Slidev\'s parser and command line', () => {
  it('the parser reads a deck\'s slides and headmatter, in memory and from disk', async () => {
    const md = parseDeck('---\nbudget: 5\n---\n\n# One\n\n---\nminutes: 2\n---\n\n# Two\n', 'a.md')
    expect(md.slides.map(s => s.title)).toEqual(['One', 'Two'])
    expect(md.slides.map(s => s.frontmatter)).toEqual([{ budget: 5 }, { minutes: 2 }])
    const data = await loadDeck({ userRoot: dir, roots: [dir] }, join(dir, 'slides.md'))
    expect(data.slides.length).toBe(2)
  })

  it('`slidev build` takes the options cli.ts passes', async () => {
    const { stdout } = await promisify(execFile)(slidevBin(KIT_ROOT), ['build', '--help'])
    for (const option of ['--out', '--base', '--without-notes'])
      expect(stdout, `slidev build ${option}`).toContain(option)
  }, 60_000)
})
