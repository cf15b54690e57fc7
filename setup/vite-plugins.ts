import type { Plugin } from 'vite'
import { fileURLToPath } from 'node:url'
import { defineVitePluginsSetup } from '@slidev/types'
import { devGuardPlugin } from '../scripts/lib/live/guard.ts'
import { liveRunPlugin } from '../scripts/lib/live/vite-plugin.ts'
import { deckPlugin } from '../scripts/lib/vite-deck.ts'
import { exercisesPlugin } from '../scripts/lib/vite-exercises.ts'
import { leanClientPlugin } from '../scripts/lib/vite-lean-client.ts'
import { liveStatePlugin } from '../scripts/lib/vite-live-state.ts'
import { quizzesPlugin } from '../scripts/lib/vite-quizzes.ts'
import { slideMetaPlugin } from '../scripts/lib/vite-slide-meta.ts'
import { snippetsPlugin } from '../scripts/lib/vite-snippets.ts'
import { symbolsPlugin } from '../scripts/lib/vite-symbols.ts'
import { textFontsPlugin } from '../scripts/lib/vite-text-fonts.ts'
import { watchPlugin } from '../scripts/lib/watch.ts'

const root = fileURLToPath(new URL('..', import.meta.url))

/** Decks live in slides/, but the kit's one `public/` is at the root. */
const publicDir: Plugin = {
  name: 'lesson:public-dir',
  enforce: 'post',
  config: () => ({ publicDir: `${root}public` }),
}

/**
 * Slidev builds its print page (`#/print`) only when the deck offers a PDF
 * download, and then also runs its own exporter on a second build. Every
 * build keeps the print page instead: learners can print a deck offline,
 * and `npm run publish` prints the PDFs from the very build learners get
 * (`scripts/lib/publish/pdf.ts`), one build per deck rather than two.
 * Runs after Slidev's own config, whose `define` it overrides.
 */
const printPage: Plugin = {
  name: 'lesson:print-page',
  enforce: 'post',
  apply: 'build',
  config: () => ({ define: { __SLIDEV_FEATURE_PRINT__: 'true' } }),
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
const themesWithTheirImporter: Plugin = {
  name: 'lesson:themes-with-their-importer',
  enforce: 'post',
  apply: 'build',
  config(config) {
    const output = config.build?.rollupOptions?.output
    if (!output || Array.isArray(output) || typeof output.manualChunks !== 'function')
      return
    const slidev = output.manualChunks
    output.manualChunks = (id, meta) => SHIKI_THEME.test(id) ? null : slidev(id, meta)
  },
}

export default defineVitePluginsSetup(options => [devGuardPlugin(root), snippetsPlugin(root, { entry: options.entry }), watchPlugin(root), publicDir, printPage, themesWithTheirImporter, slideMetaPlugin(root), leanClientPlugin(root), liveRunPlugin(), liveStatePlugin(), exercisesPlugin(root), quizzesPlugin(root), symbolsPlugin(root), textFontsPlugin(root), deckPlugin()])
