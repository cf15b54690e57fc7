import type { Plugin } from 'vite'
import { fileURLToPath } from 'node:url'
import { defineVitePluginsSetup } from '@slidev/types'
import { liveRunPlugin } from '../scripts/lib/live/vite-plugin.ts'
import { snippetsPlugin } from '../scripts/lib/vite-snippets.ts'

const root = fileURLToPath(new URL('..', import.meta.url))

/** Decks live in slides/, but the kit's one `public/` is at the root. */
const publicDir: Plugin = {
  name: 'lesson:public-dir',
  enforce: 'post',
  config: () => ({ publicDir: `${root}public` }),
}

export default defineVitePluginsSetup(() => [snippetsPlugin(root), publicDir, liveRunPlugin()])
