/**
 * The decks' fonts for the site's own pages (index, exercises): the same
 * files `styles/index.ts` ships with every deck, copied beside the pages, so
 * the front page reads like the slides and needs no request off the site.
 */
import { copyFile, mkdir } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { join } from 'node:path'

// The kit's own installed packages, wherever the site is written from.
const resolve = createRequire(import.meta.url).resolve

interface SiteFont {
  family: string
  /** A package file, resolved from the kit's own dependencies. */
  source: string
  file: string
}

const FONTS: SiteFont[] = [
  { family: 'Atkinson Hyperlegible Next Variable', source: '@fontsource-variable/atkinson-hyperlegible-next/files/atkinson-hyperlegible-next-latin-wght-normal.woff2', file: 'atkinson-hyperlegible-next.woff2' },
  { family: 'JetBrains Mono Variable', source: '@fontsource-variable/jetbrains-mono/files/jetbrains-mono-latin-wght-normal.woff2', file: 'jetbrains-mono.woff2' },
]

/** Folder of the fonts in the site, from its root. */
export const FONTS_DIR = 'fonts'

/**
 * CSS for a page `base` away from the site's root (`./`, `../`): the font
 * faces, the decks' families, and code without ligatures (`->` stays `->`).
 */
export function siteFontCss(base: string): string {
  const faces = FONTS.map(f => `@font-face { font-family: "${f.family}"; src: url("${base}${FONTS_DIR}/${f.file}") format("woff2"); font-weight: 200 800; font-display: swap; }`)
  return [
    ...faces,
    `body { font-family: "${FONTS[0]!.family}", system-ui, sans-serif; }`,
    `code, pre, kbd { font-family: "${FONTS[1]!.family}", ui-monospace, monospace; font-variant-ligatures: none; font-feature-settings: "liga" 0, "calt" 0; }`,
  ].join('\n')
}

/** Copies the font files into `<siteDir>/fonts/`. */
export async function writeSiteFonts(siteDir: string): Promise<string[]> {
  await mkdir(join(siteDir, FONTS_DIR), { recursive: true })
  for (const f of FONTS)
    await copyFile(resolve(f.source), join(siteDir, FONTS_DIR, f.file))
  return FONTS.map(f => `${FONTS_DIR}/${f.file}`)
}
