import type { Plugin } from 'vite'
/**
 * A published deck is one HTML file that works when double-clicked.
 *
 * Chromium refuses module scripts from `file://` (each file is its own
 * origin), so a deck split into chunks opens blank from a downloaded copy.
 * An inline module script has nothing to fetch, so it runs anywhere. This
 * build step keeps the whole deck in one chunk (no dynamic imports left to
 * fetch), with its CSS and fonts inside, and writes that chunk into
 * `index.html`. The same file is served to hosted learners: one request
 * instead of sixty, and the service worker has one file per deck to keep.
 *
 * On only when `LESSON_SINGLE_FILE=1` (set by `npm run publish`); the dev
 * server and `npm run build` keep Slidev's usual output.
 */
import { Buffer } from 'node:buffer'

export const SINGLE_FILE_ENV = 'LESSON_SINGLE_FILE'

/** `</script` inside inlined code would end the script element early. */
export function escapeScript(code: string): string {
  return code.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--')
}

export function escapeStyle(css: string): string {
  return css.replace(/<\/(style)/gi, '<\\/$1')
}

/**
 * Puts the entry chunk and the stylesheets into the HTML in place of the
 * tags that loaded them, and drops the module preloads (there is nothing
 * left to preload). Fails, naming the file, if a tag is not found.
 */
export function inlineHtml(html: string, assets: { scripts: Map<string, string>, styles: Map<string, string> }): string {
  let out = html.replace(/\s*<link rel="modulepreload"[^>]*>/g, '')
  for (const [name, code] of assets.scripts) {
    const tag = new RegExp(`<script type="module" crossorigin src="\\./${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"></script>`)
    if (!tag.test(out))
      throw new Error(`single file: index.html does not load ${name} as expected`)
    // A function replacement: `$&` in the code must stay as written.
    out = out.replace(tag, () => `<script type="module">${escapeScript(code)}</script>`)
  }
  for (const [name, css] of assets.styles) {
    const tag = new RegExp(`<link rel="stylesheet" crossorigin href="\\./${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}">`)
    if (!tag.test(out))
      throw new Error(`single file: index.html does not load ${name} as expected`)
    out = out.replace(tag, () => `<style>${escapeStyle(css)}</style>`)
  }
  const left = /<(?:script[^>]* src|link rel="stylesheet")[^>]*\.\/assets\/[^>]*>/.exec(out)
  if (left)
    throw new Error(`single file: index.html still loads a file: ${left[0]}`)
  return out
}

export function singleFilePlugin(): Plugin {
  return {
    name: 'lesson:single-file',
    enforce: 'post',
    apply: () => process.env[SINGLE_FILE_ENV] === '1',
    config(config) {
      const output = config.build?.rollupOptions?.output
      if (output && !Array.isArray(output)) {
        // Slidev names vendor chunks; one chunk has nothing to name.
        delete output.manualChunks
      }
      return {
        build: {
          assetsInlineLimit: () => true,
          cssCodeSplit: false,
          modulePreload: false,
          chunkSizeWarningLimit: 100_000,
          // Vite gzips every output file to print its size; nobody reads it here.
          reportCompressedSize: false,
          rollupOptions: { output: { codeSplitting: false } },
        },
      }
    },
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const html = Object.values(bundle).find(f => f.type === 'asset' && f.fileName === 'index.html')
        if (!html || html.type !== 'asset')
          return
        const scripts = new Map<string, string>()
        const styles = new Map<string, string>()
        for (const file of Object.values(bundle)) {
          if (file.type === 'chunk' && file.isEntry) {
            scripts.set(file.fileName, file.code)
            delete bundle[file.fileName]
          }
          else if (file.type === 'asset' && file.fileName.endsWith('.css')) {
            styles.set(file.fileName, typeof file.source === 'string' ? file.source : Buffer.from(file.source).toString('utf8'))
            delete bundle[file.fileName]
          }
        }
        html.source = inlineHtml(String(html.source), { scripts, styles })
      },
    },
  }
}
