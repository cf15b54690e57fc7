import type { Plugin } from 'vite'
/**
 * `virtual:lesson-symbols.css`: the font face "Lesson Symbols", which draws
 * the symbols the decks show (arrows, check marks, crosses, circles, warning
 * signs) that the text fonts' files do not have. Without it, each machine
 * would draw them with a font of its own. The font is DejaVu Sans, bundled,
 * cut down to the symbols the kit's sources use (`font-subset.ts`) and
 * compressed as WOFF2: a few kilobytes, inlined, so it is there offline and
 * from disk too. The decks'
 * `fonts` headmatter names it after their text and code fonts.
 */
import { Buffer } from 'node:buffer'
import { readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, relative } from 'node:path'
import { convert } from 'fontverter'
import { LessonError } from '../../core/errors.ts'
import { subsetFont } from './font-subset.ts'

const ID = 'virtual:lesson-symbols.css'
/** Ends in `.css`, so Vite's CSS pipeline takes it. */
const RESOLVED = '/__lesson-symbols.css'

export const SYMBOLS_FAMILY = 'Lesson Symbols'

const FONT = '@fontsource/dejavu-sans/files/dejavu-sans-latin-400-normal.woff'

/** Blocks of symbols none of the text fonts' files covers (arrows, math, shapes, dingbats). */
export const SYMBOL_BLOCKS: readonly [number, number][] = [
  [0x2190, 0x21FF],
  [0x2200, 0x22FF],
  [0x2300, 0x23FF],
  [0x2460, 0x24FF],
  [0x2500, 0x27BF],
  [0x27C0, 0x27FF],
  [0x2900, 0x297F],
  [0x2B00, 0x2BFF],
]

export const isSymbol = (c: number): boolean => SYMBOL_BLOCKS.some(([from, to]) => c >= from && c <= to)

/** What a deck can show: slides, components, core's texts, and the captures of the check. */
const SOURCES: { dir: string, ext: RegExp }[] = [
  { dir: 'slides', ext: /\.md$/ },
  { dir: 'components', ext: /(?<!\.test)\.(?:vue|ts)$/ },
  { dir: 'core', ext: /(?<!\.test)\.ts$/ },
  { dir: 'generated', ext: /\.json$/ },
]

/** Each symbol used in the kit's sources, with the first file and line it is in. */
export function symbolsUsed(root: string): Map<number, string> {
  const found = new Map<number, string>()
  for (const { dir, ext } of SOURCES) {
    let entries
    try {
      entries = readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
    }
    catch {
      continue
    }
    for (const e of entries.filter(e => e.isFile() && ext.test(e.name) && !e.parentPath.includes('node_modules'))) {
      const file = join(e.parentPath, e.name)
      const lines = readFileSync(file, 'utf8').split('\n')
      lines.forEach((line, i) => {
        for (const ch of line) {
          const c = ch.codePointAt(0)!
          if (isSymbol(c) && !found.has(c))
            found.set(c, `${relative(root, file)}:${i + 1}`)
        }
      })
    }
  }
  return found
}

const hex = (c: number): string => `U+${c.toString(16).toUpperCase().padStart(4, '0')}`

/** The CSS: one face, its glyphs inlined, its unicode-range exactly the symbols used. */
export async function symbolsCss(root: string): Promise<string> {
  const used = symbolsUsed(root)
  if (!used.size)
    return '/* no symbols used */\n'
  const woff = readFileSync(createRequire(import.meta.url).resolve(FONT))
  let font: Buffer
  try {
    font = subsetFont(woff, used.keys(), SYMBOLS_FAMILY)
  }
  catch (error) {
    const where = [...used].map(([c, at]) => `${hex(c)} ${String.fromCodePoint(c)} (${at})`).join(', ')
    throw new LessonError(`${FONT}: ${(error as Error).message}; the symbols used: ${where}. Use another character or one the font has`)
  }
  const range = [...used.keys()].sort((a, b) => a - b).map(hex).join(', ')
  // The same tables, Brotli-compressed: a third of the TrueType's size.
  const woff2 = await convert(font, 'woff2')
  return `@font-face {
  font-family: "${SYMBOLS_FAMILY}";
  font-style: normal;
  font-weight: 100 900;
  font-display: block;
  src: url("data:font/woff2;base64,${Buffer.from(woff2).toString('base64')}") format("woff2");
  unicode-range: ${range};
}
`
}

export function symbolsPlugin(root: string): Plugin {
  return {
    name: 'lesson:symbols',
    resolveId: id => id === ID ? RESOLVED : undefined,
    async load(id) {
      if (id !== RESOLVED)
        return undefined
      for (const { dir } of SOURCES)
        this.addWatchFile(join(root, dir))
      return symbolsCss(root)
    },
  }
}
