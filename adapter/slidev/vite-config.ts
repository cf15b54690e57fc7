import type { Plugin, UserConfig } from 'vite'
/**
 * Slidev's Vite config as the kit needs it changed: where the one
 * `public/` is, the print page kept in every build, and Shiki's themes
 * chunked with their importer. Each runs after Slidev's own config hook.
 * The flag and the chunking are Slidev's internals: if they move, the build
 * stops naming what moved (`moved.ts`), as `contract.test.ts` does.
 */
import { join } from 'node:path'
import { moved, SlidevMoved } from './moved.ts'

/** Decks live in slides/, but the kit's one `public/` is at the root. */
export function publicDirPlugin(root: string): Plugin {
  return {
    name: 'lesson:public-dir',
    enforce: 'post',
    config: () => ({ publicDir: join(root, 'public') }),
  }
}

/** Slidev's compile-time flag for the print page. */
export const PRINT_FLAG = '__SLIDEV_FEATURE_PRINT__'

/**
 * Slidev builds its print page (`#/print`) only when the deck offers a PDF
 * download, and then also runs its own exporter on a second build. Every
 * build keeps the print page instead: learners can print a deck offline,
 * and `npm run publish` prints the PDFs from the very build learners get
 * (`scripts/lib/publish/pdf.ts`), one build per deck rather than two.
 * Runs after Slidev's own config, whose `define` it overrides.
 */
export const printPage: Plugin = {
  name: 'lesson:print-page',
  enforce: 'post',
  apply: 'build',
  config(config) {
    const problem = printFlagProblem(config)
    if (problem)
      throw new SlidevMoved([problem])
    return { define: { [PRINT_FLAG]: 'true' } }
  },
}

/** Why Slidev's Vite config has no print flag to turn on, or null. */
export function printFlagProblem(config: UserConfig): string | null {
  return config.define && PRINT_FLAG in config.define ? null : moved('its Vite config\'s `define`', `it has no \`${PRINT_FLAG}\``, 'vite-config.ts')
}

/** Why Slidev's Vite config has no `manualChunks` function to wrap, or null. */
export function manualChunksProblem(config: UserConfig): string | null {
  const output = config.build?.rollupOptions?.output
  return output && !Array.isArray(output) && typeof output.manualChunks === 'function' ? null : moved('its Vite config\'s `build.rollupOptions.output.manualChunks`', 'it is no longer one function', 'vite-config.ts')
}

/** A Shiki theme's own module, e.g. `node_modules/@shikijs/themes/dist/vitesse-dark.mjs`. */
const SHIKI_THEME = /[/\\]@shikijs[/\\]themes[/\\]/

/**
 * Slidev puts every module of Shiki into one chunk (`modules/shiki`) that
 * the entry loads. The live editor takes its colours from two Shiki themes
 * (`components/editor/codemirror.ts`); left there, they would be fetched
 * before the first slide. Theme modules are chunked as Vite would, with
 * what imports them: the editor's chunk, loaded when a live slide is near.
 * Wraps Slidev's own `manualChunks`, set by its config hook before this one.
 */
export const themesWithTheirImporter: Plugin = {
  name: 'lesson:themes-with-their-importer',
  enforce: 'post',
  apply: 'build',
  config(config) {
    const problem = manualChunksProblem(config)
    if (problem)
      throw new SlidevMoved([problem])
    const output = config.build!.rollupOptions!.output as { manualChunks: (id: string, meta: unknown) => string | null | undefined }
    const slidev = output.manualChunks
    output.manualChunks = (id, meta) => SHIKI_THEME.test(id) ? null : slidev(id, meta)
  },
}
