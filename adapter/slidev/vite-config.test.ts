import type { UserConfig } from 'vite'
import { describe, expect, it } from 'vitest'
import { printPage, themesWithTheirImporter } from './vite-config.ts'

type ConfigHook = (config: UserConfig) => UserConfig | undefined
const config = (plugin: { config?: unknown }) => plugin.config as ConfigHook

describe('printPage', () => {
  it('turns on Slidev\'s print-page flag', () => {
    expect(config(printPage)({ define: { __SLIDEV_FEATURE_PRINT__: 'false' } })).toEqual({ define: { __SLIDEV_FEATURE_PRINT__: 'true' } })
  })

  it('stops the build when Slidev no longer defines the flag', () => {
    expect(() => config(printPage)({ define: {} })).toThrow(/Slidev moved its Vite config's `define`: it has no `__SLIDEV_FEATURE_PRINT__`/)
  })
})

describe('themesWithTheirImporter', () => {
  it('leaves Shiki\'s theme modules to Vite and every other module to Slidev\'s chunks', () => {
    const output = { manualChunks: (id: string) => id.includes('/shiki/') || id.includes('/@shikijs/') ? 'modules/shiki' : undefined }
    config(themesWithTheirImporter)({ build: { rollupOptions: { output } } })
    expect(output.manualChunks('/n/@shikijs/themes/dist/vitesse-dark.mjs')).toBeNull()
    expect(output.manualChunks('/n/@shikijs/core/dist/index.mjs')).toBe('modules/shiki')
  })

  it('stops the build when Slidev no longer chunks with one function', () => {
    expect(() => config(themesWithTheirImporter)({ build: { rollupOptions: { output: {} } } })).toThrow(/`build\.rollupOptions\.output\.manualChunks`/)
  })
})
