import type { Plugin } from 'vite'
/**
 * The text and code fonts, cut in two: the Latin file of each
 * (`@fontsource-variable/*`'s `-latin-wght-normal.woff2`, about 35 KB)
 * becomes one face holding only the characters the kit's sources use (and
 * printable ASCII, for anything typed in the editor), and one face, the
 * whole file as shipped, for the rest of its range. A browser fetches a face
 * only when a page shows a character in its `unicode-range`, so a slide gets
 * the small file, and a character no source has still finds its glyph in the
 * full one. Glyphs, hinting and the variation axis are kept, and so are
 * the text font's layout features; the code font keeps those that apply
 * with ligatures off (`styles/lesson.css` turns `liga` and `calt` off
 * wherever code is shown), which leaves out its hundreds of ligature
 * glyphs. `subset-font` (HarfBuzz's hb-subset) does the cutting. The cut
 * files are cached in `node_modules/.cache/lesson-fonts/`, by the font's,
 * the characters' and the features' hash.
 */
import { Buffer } from 'node:buffer'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { basename, dirname, join, relative } from 'node:path'
import subsetFont from 'subset-font'

/** The stylesheets whose Latin face is cut, and the layout features each keeps (all when not named). */
const STYLESHEETS: { file: RegExp, features?: string[] }[] = [
  { file: /[/\\]@fontsource-variable[/\\]atkinson-hyperlegible-next[/\\]index\.css$/ },
  {
    file: /[/\\]@fontsource-variable[/\\]jetbrains-mono[/\\]index\.css$/,
    // On by default or asked for by the kit's CSS (tabular-nums and unocss's numeric utilities); no liga, calt.
    features: ['ccmp', 'locl', 'mark', 'mkmk', 'kern', 'tnum', 'lnum', 'onum', 'pnum', 'zero', 'frac', 'numr', 'dnom', 'ordn', 'sups', 'subs', 'sinf', 'case'],
  },
]

/** What a deck can show: slides, components, core's texts, and the captures of the check. */
const SOURCES: { dir: string, ext: RegExp }[] = [
  { dir: 'slides', ext: /\.md$/ },
  { dir: 'components', ext: /(?<!\.test)\.(?:vue|ts)$/ },
  { dir: 'core', ext: /(?<!\.test)\.ts$/ },
  { dir: 'layouts', ext: /\.vue$/ },
  { dir: 'generated', ext: /\.json$/ },
]

/** Every code point in the kit's sources, with printable ASCII and what markdown turns quotes and dashes into. */
export function charactersUsed(root: string): Set<number> {
  const used = new Set<number>()
  for (let c = 0x20; c < 0x7F; c++)
    used.add(c)
  // What markdown's typographer and HTML make of the sources: curly quotes, dashes, ellipsis, no-break space.
  for (const c of [0xA0, 0x2013, 0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0x2026])
    used.add(c)
  for (const { dir, ext } of SOURCES) {
    if (!existsSync(join(root, dir)))
      continue
    for (const e of readdirSync(join(root, dir), { recursive: true, withFileTypes: true })) {
      if (!e.isFile() || !ext.test(e.name) || e.parentPath.includes('node_modules'))
        continue
      for (const ch of readFileSync(join(e.parentPath, e.name), 'utf8'))
        used.add(ch.codePointAt(0)!)
    }
  }
  return used
}

/** `U+0000-00FF,U+0131` as code points. */
export function parseRange(range: string): Set<number> {
  const out = new Set<number>()
  for (const part of range.split(',').map(p => p.trim()).filter(Boolean)) {
    const m = /^U\+([0-9A-F]+)(?:-([0-9A-F]+))?$/i.exec(part)
    if (!m)
      throw new Error(`unicode-range: cannot read ${part}`)
    const from = Number.parseInt(m[1]!, 16)
    const to = m[2] ? Number.parseInt(m[2], 16) : from
    for (let c = from; c <= to; c++)
      out.add(c)
  }
  return out
}

/** Code points as a `unicode-range`, runs joined. */
export function formatRange(points: Iterable<number>): string {
  const sorted = [...new Set(points)].sort((a, b) => a - b)
  const hex = (c: number) => c.toString(16).toUpperCase().padStart(4, '0')
  const parts: string[] = []
  for (let i = 0; i < sorted.length; i++) {
    let j = i
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1)
      j++
    parts.push(i === j ? `U+${hex(sorted[i]!)}` : `U+${hex(sorted[i]!)}-${hex(sorted[j]!)}`)
    i = j
  }
  return parts.join(',')
}

async function cutFont(root: string, font: string, points: Set<number>, features?: string[]): Promise<string> {
  const bytes = readFileSync(font)
  const text = String.fromCodePoint(...[...points].sort((a, b) => a - b))
  const key = createHash('sha256').update(bytes).update(text).update(JSON.stringify(features ?? null)).digest('hex').slice(0, 16)
  const dir = join(root, 'node_modules', '.cache', 'lesson-fonts')
  const out = join(dir, `${basename(font, '.woff2')}-used-${key}.woff2`)
  if (!existsSync(out)) {
    mkdirSync(dir, { recursive: true })
    // Every name record kept: the copyright and the licence stay with the font.
    const cut = await subsetFont(bytes, text, { targetFormat: 'woff2', preserveNameIds: Array.from({ length: 26 }, (_, i) => i), ...features && { keepFeatures: features } })
    writeFileSync(out, Buffer.from(cut))
  }
  return out
}

/** The stylesheet `css` (at `file`) with its Latin face cut in two. */
export async function cutLatinFace(root: string, css: string, file: string, used: Set<number>, features?: string[]): Promise<string> {
  const face = /@font-face\s*\{[^}]*-latin-wght-normal\.woff2[^}]*\}/.exec(css)
  if (!face)
    throw new Error(`${file}: no Latin face to cut`)
  const src = /url\(\.\/([^)]+-latin-wght-normal\.woff2)\)/.exec(face[0])
  const range = /unicode-range:\s*([^;\s][^;]*);/.exec(face[0])
  if (!src || !range)
    throw new Error(`${file}: the Latin face has no url() or no unicode-range`)
  const all = parseRange(range[1]!)
  const shown = new Set([...all].filter(c => used.has(c)))
  const rest = [...all].filter(c => !shown.has(c))
  const cut = await cutFont(root, join(dirname(file), src[1]!), shown, features)
  const url = relative(dirname(file), cut).split('\\').join('/')
  const small = face[0].replace(src[0], `url(${url})`).replace(range[0], `unicode-range: ${formatRange(shown)};`)
  const full = face[0].replace(range[0], `unicode-range: ${formatRange(rest)};`)
  return css.replace(face[0], () => `${small}\n${rest.length ? full : ''}`)
}

export function textFontsPlugin(root: string): Plugin {
  let used: Set<number> | undefined
  return {
    name: 'lesson:text-fonts',
    // Before Vite's CSS plugin turns the url() into an asset.
    enforce: 'pre',
    apply: 'build',
    async transform(code, id) {
      const file = id.split('?')[0]!
      const sheet = STYLESHEETS.find(s => s.file.test(file))
      if (!sheet)
        return undefined
      used ??= charactersUsed(root)
      return { code: await cutLatinFace(root, code, file, used, sheet.features), map: null }
    },
  }
}
