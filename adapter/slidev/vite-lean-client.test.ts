import type { Alias, Plugin, UserConfig } from 'vite'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { CLIENT_FEATURES, kitSources, leanClientPlugin, unusedFeatures } from './vite-lean-client.ts'

const MAIN = '/kit/node_modules/@slidev/client/setup/main.ts'
const UTILS = '/kit/node_modules/@slidev/client/logic/utils.ts'

let dirs: string[] = []
afterEach(() => {
  for (const d of dirs)
    rmSync(d, { recursive: true, force: true })
  dirs = []
})

/** A kit with `files` (path → text) and nothing else. */
function kit(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'lean-client-'))
  dirs.push(root)
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true })
    writeFileSync(join(root, path), text)
  }
  return root
}

type Hook = (...args: unknown[]) => unknown
const hook = (h: unknown): Hook => (typeof h === 'function' ? h : (h as { handler: Hook }).handler) as Hook

/** The plugin after its config hook ran on Slidev's alias for `vue`. */
function configured(root: string): { plugin: Plugin, alias: Alias[] } {
  const plugin = leanClientPlugin(root)
  const alias: Alias[] = [{ find: 'vue', replacement: '/kit/node_modules/vue/dist/vue.esm-bundler.js' }]
  hook(plugin.config).call({}, { resolve: { alias } } satisfies UserConfig, { command: 'build', mode: 'production' })
  return { plugin, alias }
}

async function resolve(plugin: Plugin, source: string, importer: string): Promise<unknown> {
  const context = { resolve: vi.fn(async (s: string) => ({ id: `/resolved/${s}` })) }
  return hook(plugin.resolveId).call(context, source, importer, {})
}

describe('unusedFeatures', () => {
  it('keeps a feature any text spells, and only that one', () => {
    const names = unusedFeatures(['<div v-click>', '<p v-mark.red="1">here</p>']).map(f => f.name)
    expect(names).toEqual(['v-motion', 'twoslash'])
  })

  it('matches whole names: `v-marker` is not `v-mark`', () => {
    expect(unusedFeatures(['class="v-marker"']).map(f => f.name)).toContain('v-mark')
  })

  it('sees a twoslash code fence', () => {
    expect(unusedFeatures(['```ts twoslash\nconst a = 1\n```']).map(f => f.name)).not.toContain('twoslash')
  })
})

describe('kitSources', () => {
  it('reads decks, components, layouts, setup and the global layers, but not node_modules', () => {
    const root = kit({
      'slides/a.md': 'deck',
      'slides/node_modules/.slidev/x.md': 'cache',
      'components/nested/B.vue': 'component',
      'global-top.vue': 'top',
      'README.md': 'readme',
    })
    expect([...kitSources(root)].sort()).toEqual(['component', 'deck', 'top'])
  })
})

describe('leanClientPlugin', () => {
  it('builds with Vue\'s runtime-only build', () => {
    const { alias } = configured(kit({ 'slides/a.md': '# A' }))
    expect(alias[0]!.replacement).toBe('/kit/node_modules/vue/dist/vue.runtime.esm-bundler.js')
  })

  it('puts a stand-in for every unused feature imported by Slidev\'s setup, with the same exports', async () => {
    const { plugin } = configured(kit({ 'slides/a.md': '# A' }))
    for (const f of CLIENT_FEATURES) {
      const id = await resolve(plugin, f.source, MAIN)
      expect(id, f.name).toMatch(/^\0lesson-unused:/)
      expect(hook(plugin.load).call({}, id)).toBe(f.standIn)
    }
  })

  it('leaves a feature a slide uses as Slidev has it', async () => {
    const { plugin } = configured(kit({ 'slides/a.md': '<div v-motion :initial="{ x: -80 }">A</div>' }))
    expect(await resolve(plugin, '../modules/v-motion', MAIN)).toBeNull()
    expect(await resolve(plugin, '../modules/v-mark', MAIN)).toMatch(/^\0lesson-unused:/)
  })

  it('replaces a feature only where Slidev\'s setup imports it', async () => {
    const { plugin } = configured(kit({ 'slides/a.md': '# A' }))
    expect(await resolve(plugin, '../modules/v-mark', '/kit/components/Mine.vue')).toBeNull()
  })

  it('reads the client\'s range parser from the parser\'s utils, not its core that bundles yaml', async () => {
    const { plugin } = configured(kit({ 'slides/a.md': '# A' }))
    expect(await resolve(plugin, '@slidev/parser/core', UTILS)).toEqual({ id: '/resolved/@slidev/parser/utils' })
    expect(await resolve(plugin, '@slidev/parser/core', '/kit/scripts/x.ts')).toBeNull()
  })
})

describe('leanClientPlugin when Slidev moved', () => {
  it('stops the build naming the alias, rather than building with Vue\'s full build', () => {
    const plugin = leanClientPlugin(kit({ 'slides/a.md': '# A' }))
    expect(() => hook(plugin.config).call({}, { resolve: { alias: [] } } satisfies UserConfig, { command: 'build', mode: 'production' })).toThrow(/Slidev moved .*no alias for `vue`/)
  })

  it('stops the build naming the feature whose import left Slidev\'s setup', () => {
    const { plugin } = configured(kit({ 'slides/a.md': '# A' }))
    expect(() => hook(plugin.transform).call({}, 'import { createVClickDirectives } from \'../modules/v-click\'', MAIN)).toThrow(/`@slidev\/client\/setup\/main\.ts`: it no longer imports `\.\.\/modules\/v-motion`/)
  })
})

describe('leanClientPlugin and Slidev\'s `twoslash` flag', () => {
  const fence = '```ts twoslash\nconst a = 1\n```'

  it('leaves the twoslash hovers out when the deck turns the flag off for builds, whatever its text says', async () => {
    for (const twoslash of [false, 'dev'] as const) {
      const plugin = leanClientPlugin(kit({ 'slides/a.md': fence }), { twoslash })
      hook(plugin.config).call({}, { resolve: { alias: [{ find: 'vue', replacement: '/v/vue.esm-bundler.js' }] } }, { command: 'build', mode: 'production' })
      expect(await resolve(plugin, '@shikijs/vitepress-twoslash/client', MAIN), String(twoslash)).toMatch(/^\0lesson-unused:twoslash/)
    }
  })

  it('keeps them for a twoslash block when the flag is on in builds', async () => {
    for (const twoslash of [true, 'build', undefined] as const) {
      const plugin = leanClientPlugin(kit({ 'slides/a.md': fence }), { twoslash })
      hook(plugin.config).call({}, { resolve: { alias: [{ find: 'vue', replacement: '/v/vue.esm-bundler.js' }] } }, { command: 'build', mode: 'production' })
      expect(await resolve(plugin, '@shikijs/vitepress-twoslash/client', MAIN), String(twoslash)).toBeNull()
    }
  })

  it('does not take the headmatter key for a use', () => {
    expect(unusedFeatures(['---\ntwoslash: false\n---']).map(f => f.name)).toContain('twoslash')
  })
})
