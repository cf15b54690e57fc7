/**
 * Each published deck comes twice, from one Slidev build:
 *
 * - `index.html` with `assets/`, the build as Slidev makes it, for hosted
 *   learners: the first slide loads only what it needs (the editor, the
 *   replays, the quizzes and the other slides come when a slide asks for
 *   them), and the service worker keeps the files;
 * - `offline.html`, the same deck as one self-contained HTML file, for the
 *   copy opened from disk: Chromium refuses module scripts from `file://`
 *   (each file is its own origin), so the chunked deck would open blank
 *   there, while an inline module script has nothing to fetch.
 *
 * `offline.html` is derived from the built chunks, not built again: rolldown
 * bundles the entry chunk with every chunk it imports, dynamic imports
 * included, into one module; Vite's preload lists are dropped (there is
 * nothing left to preload), the files a chunk names with
 * `new URL(…, import.meta.url)` become data URLs, and every stylesheet goes
 * into one `<style>` with its fonts inside. The hosted `index.html` sends a
 * page opened from `file://` to `offline.html`.
 */
import type { Plugin } from 'rolldown'
import { Buffer } from 'node:buffer'
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { dirname, extname, join, relative, resolve } from 'node:path'
import { rolldown } from 'rolldown'
import { LessonError } from '../../../core/errors.ts'

/** The single-file copy of a deck, beside its `index.html`. */
export const OFFLINE_PAGE = 'offline.html'

/** `</script` inside inlined code would end the script element early. */
export function escapeScript(code: string): string {
  return code.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--')
}

export function escapeStyle(css: string): string {
  return css.replace(/<\/(style)/gi, '<\\/$1')
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * Puts the entry chunk and the stylesheets into the HTML in place of the
 * tags that loaded them, and drops the module preloads (there is nothing
 * left to preload). A stylesheet given as `''` loses its tag. Fails,
 * naming the file, if a tag is not found.
 */
export function inlineHtml(html: string, assets: { scripts: Map<string, string>, styles: Map<string, string> }): string {
  let out = html.replace(/\s*<link rel="modulepreload"[^>]*>/g, '')
  for (const [name, code] of assets.scripts) {
    const tag = new RegExp(`<script type="module" crossorigin src="\\./${escapeRegExp(name)}"></script>`)
    if (!tag.test(out))
      throw new Error(`single file: index.html does not load ${name} as expected`)
    // A function replacement: `$&` in the code must stay as written.
    out = out.replace(tag, () => `<script type="module">${escapeScript(code)}</script>`)
  }
  for (const [name, css] of assets.styles) {
    const tag = new RegExp(`<link rel="stylesheet" crossorigin href="\\./${escapeRegExp(name)}">`)
    if (!tag.test(out))
      throw new Error(`single file: index.html does not load ${name} as expected`)
    out = out.replace(tag, () => css ? `<style>${escapeStyle(css)}</style>` : '')
  }
  const left = /<(?:script[^>]* src|link rel="stylesheet")[^>]*\.\/assets\/[^>]*>/.exec(out)
  if (left)
    throw new Error(`single file: index.html still loads a file: ${left[0]}`)
  return out
}

const MIME: Record<string, string> = {
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
}

async function dataUrl(file: string): Promise<string> {
  const type = MIME[extname(file).toLowerCase()]
  if (!type)
    throw new LessonError(`single file: ${file} has no known type to inline`)
  return `data:${type};base64,${(await readFile(file)).toString('base64')}`
}

/** `url(./x.woff2)` in a stylesheet of `cssDir`, as data URLs. */
async function inlineCssUrls(css: string, cssDir: string): Promise<string> {
  const refs = new Set<string>()
  for (const m of css.matchAll(/url\((["']?)(?!data:|#|https?:)([^"')]+)\1\)/g))
    refs.add(m[2]!)
  let out = css
  for (const ref of refs) {
    const url = await dataUrl(resolve(cssDir, ref))
    out = out.replace(new RegExp(`url\\((["']?)${escapeRegExp(ref)}\\1\\)`, 'g'), () => `url(${url})`)
  }
  return out
}

/**
 * Vite's chunks, made ready to be bundled into one module: no preload
 * lists, and files named relative to the chunk as data URLs.
 */
function builtChunksPlugin(): Plugin {
  return {
    name: 'lesson:built-chunks',
    async transform(code, id) {
      let out = code.replace(/__vite__mapDeps\(\[[\d,]*\]\)/g, 'void 0')
      const refs = [...out.matchAll(/new URL\(([`"'])([^`"']+)\1,\s*import\.meta\.url\)/g)]
      for (const [whole, , ref] of refs) {
        if (/\.m?js$/.test(ref!))
          continue
        const url = await dataUrl(resolve(dirname(id), ref!))
        out = out.split(whole).join(`new URL(${JSON.stringify(url)})`)
      }
      return out === code ? null : { code: out, map: null }
    },
  }
}

/** Module scripts and stylesheets `index.html` loads, in its order, as paths from the deck. */
function loadedBy(html: string): { scripts: string[], styles: string[], preloads: string[] } {
  return {
    scripts: [...html.matchAll(/<script type="module" crossorigin src="\.\/([^"]+)"><\/script>/g)].map(m => m[1]!),
    styles: [...html.matchAll(/<link rel="stylesheet" crossorigin href="\.\/([^"]+)">/g)].map(m => m[1]!),
    preloads: [...html.matchAll(/<link rel="modulepreload" crossorigin href="\.\/([^"]+)">/g)].map(m => m[1]!),
  }
}

/**
 * Writes `offline.html` beside the built deck's `index.html` (as Slidev
 * wrote it): the whole deck in one file. Every stylesheet of the build is
 * in it, those the entry loads first, the others (loaded with their chunks
 * when hosted) after them, in file order. Returns its size in bytes.
 */
export async function writeSingleFile(deckDir: string): Promise<number> {
  const html = await readFile(join(deckDir, 'index.html'), 'utf8')
  const { scripts, styles } = loadedBy(html)
  if (scripts.length !== 1)
    throw new LessonError(`${join(deckDir, 'index.html')}: expected one module script, found ${scripts.length}`)
  const bundle = await rolldown({
    input: join(deckDir, scripts[0]!),
    plugins: [builtChunksPlugin()],
    logLevel: 'silent',
  })
  let code: string
  try {
    const { output } = await bundle.generate({ format: 'es', codeSplitting: false, minify: true })
    if (output.length !== 1 || output[0]!.type !== 'chunk')
      throw new LessonError(`single file: bundling ${scripts[0]} gave ${output.length} files`)
    code = output[0]!.code
  }
  finally {
    await bundle.close()
  }
  const assets = join(deckDir, 'assets')
  const allCss = (await readdir(assets, { recursive: true })).filter(f => f.endsWith('.css')).map(f => relative(deckDir, join(assets, f)).split('\\').join('/')).sort()
  const order = [...styles, ...allCss.filter(f => !styles.includes(f))]
  const css = (await Promise.all(order.map(async f => inlineCssUrls(await readFile(join(deckDir, f), 'utf8'), dirname(join(deckDir, f)))))).join('\n')
  const out = inlineHtml(html, { scripts: new Map([[scripts[0]!, code]]), styles: new Map(styles.map((s, i) => [s, i === 0 ? css : ''])) })
  await writeFile(join(deckDir, OFFLINE_PAGE), out)
  return Buffer.byteLength(out)
}

/** What the first slide needs beyond the entry's own imports, as paths from the deck. */
export interface FirstSlide {
  /** Chunks of the slide view and of slide 1, with their own imports. */
  scripts: string[]
  /** Their stylesheets. */
  styles: string[]
  /** The text font's cut face (every first slide has text), and the code font's when slide 1 shows code. */
  fonts: string[]
}

/**
 * The chunks the entry loads for the slide view (`play`) and for slide 1,
 * read from Vite's preload lists in the built entry, and the text font's
 * cut face, with the code font's when slide 1's chunk makes a `code`,
 * `kbd`, `pre` or `samp` element. Found by their form in Slidev's output:
 * a build where that form is not found fails, naming what moved.
 */
export async function firstSlideFiles(deckDir: string): Promise<FirstSlide> {
  const html = await readFile(join(deckDir, 'index.html'), 'utf8')
  const [entry] = loadedBy(html).scripts
  const none: FirstSlide = { scripts: [], styles: [], fonts: [] }
  if (!entry)
    return none
  const code = await readFile(join(deckDir, entry), 'utf8')
  const base = dirname(entry)
  const cutFaces = (await readdir(join(deckDir, 'assets'))).filter(f => /-latin-wght-normal-used-.*\.woff2$/.test(f)).map(f => `assets/${f}`)
  const fonts = cutFaces.filter(f => f.includes('/atkinson-hyperlegible-next-'))
  const list = /m\.f\|\|\(m\.f=(\[[^\]]*\])/.exec(code)
  if (!list)
    throw new LessonError(`${join(deckDir, entry)}: Slidev's build moved: no preload list (\`m.f||(m.f=[…])\`) in the entry; see docs/maintaining.md#upgrading-slidev`)
  const files = JSON.parse(list[1]!) as string[]
  const wanted = new Set<string>()
  const routes = [
    /import\(`\.\/(slidev\/play-[^`]+)`\),__vite__mapDeps\(\[([\d,]+)\]\)/,
    /\b\w+\(0,\(\)=>\w+\(\(\)=>import\(`\.\/([^`]+)`\),__vite__mapDeps\(\[([\d,]+)\]\)/,
  ]
  for (const [i, route] of routes.entries()) {
    const m = route.exec(code)
    if (!m)
      throw new LessonError(`${join(deckDir, entry)}: Slidev's build moved: no lazy import of ${i === 0 ? 'the slide view (slidev/play-…)' : 'slide 1'} with its preload list in the entry; see docs/maintaining.md#upgrading-slidev`)
    wanted.add(m[1]!)
    if (i === 1 && /[`"'](?:code|kbd|pre|samp)[`"']/.test(await readFile(join(deckDir, base, m[1]!), 'utf8')))
      fonts.push(...cutFaces.filter(f => f.includes('/jetbrains-mono-')))
    for (const i of m[2]!.split(',').map(Number))
      wanted.add(files[i]!.replace(/^\.\//, ''))
  }
  const paths = [...wanted].filter(Boolean).map(f => join(base, f).split('\\').join('/'))
  return { scripts: paths.filter(f => f.endsWith('.js')), styles: paths.filter(f => f.endsWith('.css')), fonts }
}

/**
 * The hosted `index.html`: a page opened from `file://` goes at once to
 * the single-file copy (same query, same slide); served, the page starts
 * fetching, before its stylesheets, the entry and its imports, the chunks
 * of the first slide and the text font (`first`), and runs the entry where
 * Slidev put it, once the stylesheets are in. Those scripts and preloads
 * are added by inline scripts, so that from `file://` none is fetched (each
 * would be refused, with an error in the console); the stylesheets lose
 * `crossorigin` (they are same-origin either way) for the same reason.
 */
export function hostedHtml(html: string, first: FirstSlide = { scripts: [], styles: [], fonts: [] }): string {
  const { scripts, preloads } = loadedBy(html)
  if (scripts.length !== 1)
    throw new LessonError(`index.html: expected one module script, found ${scripts.length}`)
  if (!html.includes('<head>') || !html.includes('</body>'))
    throw new LessonError('index.html: no <head> or no </body>')
  const links = [
    ...[scripts[0]!, ...preloads, ...first.scripts].map(href => ({ rel: 'modulepreload', href })),
    ...first.styles.map(href => ({ rel: 'preload', as: 'style', href })),
    ...first.fonts.map(href => ({ rel: 'preload', as: 'font', type: 'font/woff2', href })),
  ].filter((l, i, all) => all.findIndex(o => o.href === l.href) === i)
  const early = `<script>
if (location.protocol === 'file:') {
  location.replace(${JSON.stringify(OFFLINE_PAGE)} + location.search + location.hash)
}
else {
  ${JSON.stringify(links)}.forEach(function (l) {
    var link = document.createElement('link')
    link.rel = l.rel
    if (l.as) link.as = l.as
    if (l.type) link.type = l.type
    link.crossOrigin = ''
    link.href = './' + l.href
    document.head.appendChild(link)
  })
}
</script>`
  const load = `<script>
if (location.protocol !== 'file:') {
  var entry = document.createElement('script')
  entry.type = 'module'
  entry.crossOrigin = ''
  entry.src = ${JSON.stringify(`./${scripts[0]}`)}
  document.head.appendChild(entry)
}
</script>`
  return html
    .replace(/\s*<script type="module" crossorigin src="[^"]+"><\/script>/g, '')
    .replace(/\s*<link rel="modulepreload" crossorigin href="[^"]+">/g, '')
    .replace(/<link rel="stylesheet" crossorigin href=/g, '<link rel="stylesheet" href=')
    .replace('<head>', () => `<head>\n${early}`)
    .replace('</body>', () => `${load}\n</body>`)
}
