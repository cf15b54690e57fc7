/**
 * Every Vite plugin the kit adds to a Slidev deck, in order (read by
 * `setup/vite-plugins.ts`, where Slidev looks for them). The kit's own
 * virtual modules and the dev server's endpoint are plain Vite plugins in
 * `scripts/lib/`; the ones that change what Slidev generates or configures
 * sit beside this file.
 */
import { fileURLToPath } from 'node:url'
import { defineVitePluginsSetup } from '@slidev/types'
import { devGuardPlugin } from '../../scripts/lib/live/guard.ts'
import { liveRunPlugin } from '../../scripts/lib/live/vite-plugin.ts'
import { deckPlugin } from '../../scripts/lib/vite-deck.ts'
import { exercisesPlugin } from '../../scripts/lib/vite-exercises.ts'
import { liveStatePlugin } from '../../scripts/lib/vite-live-state.ts'
import { quizzesPlugin } from '../../scripts/lib/vite-quizzes.ts'
import { snippetsPlugin } from '../../scripts/lib/vite-snippets.ts'
import { symbolsPlugin } from '../../scripts/lib/vite-symbols.ts'
import { textFontsPlugin } from '../../scripts/lib/vite-text-fonts.ts'
import { watchPlugin } from '../../scripts/lib/watch.ts'
import { printPage, publicDirPlugin, themesWithTheirImporter } from './vite-config.ts'
import { leanClientPlugin } from './vite-lean-client.ts'
import { slideMetaPlugin } from './vite-slide-meta.ts'

const root = fileURLToPath(new URL('../..', import.meta.url))

export default defineVitePluginsSetup(options => [devGuardPlugin(root), snippetsPlugin(root, { entry: options.entry }), watchPlugin(root), publicDirPlugin(root), printPage, themesWithTheirImporter, slideMetaPlugin(), leanClientPlugin(root, options.data.config), liveRunPlugin(), liveStatePlugin(), exercisesPlugin(root), quizzesPlugin(root), symbolsPlugin(root), textFontsPlugin(root), deckPlugin()])
