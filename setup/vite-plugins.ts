import type { Plugin } from 'vite'
import { fileURLToPath } from 'node:url'
import { defineVitePluginsSetup } from '@slidev/types'
import { liveRunPlugin } from '../scripts/lib/live/vite-plugin.ts'
import { singleFilePlugin } from '../scripts/lib/publish/single-file.ts'
import { quizzesPlugin } from '../scripts/lib/vite-quizzes.ts'
import { snippetsPlugin } from '../scripts/lib/vite-snippets.ts'
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

export default defineVitePluginsSetup(() => [snippetsPlugin(root), watchPlugin(root), publicDir, printPage, liveRunPlugin(), singleFilePlugin(), quizzesPlugin(root)])
