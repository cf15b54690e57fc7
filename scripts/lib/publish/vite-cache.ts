import type { Plugin } from 'vite'

/**
 * Every deck's dev server keeps its pre-bundled dependencies in one folder
 * (`slides/node_modules/.vite`), keyed by a hash of its config, which differs
 * per deck: a PDF export of one deck re-bundles them, and a dev server of
 * another deck running meanwhile reloads. `npm run publish` gives each
 * export its own folder through this variable, so exports neither disturb a
 * running presentation nor start cold on the next publish.
 */
export const VITE_CACHE_ENV = 'LESSON_VITE_CACHE_DIR'

export function viteCacheDirPlugin(env: Record<string, string | undefined> = process.env): Plugin {
  const cacheDir = env[VITE_CACHE_ENV]
  return {
    name: 'lesson:vite-cache-dir',
    config: () => cacheDir ? { cacheDir } : undefined,
  }
}
