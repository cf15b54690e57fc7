import { Buffer } from 'node:buffer'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { readCmap, subsetFont } from './font-subset.ts'
import { KIT_ROOT } from './kit-copy.ts'
import { isSymbol, symbolsCss, symbolsUsed } from './vite-symbols.ts'

const woff = readFileSync(createRequire(import.meta.url).resolve('@fontsource/dejavu-sans/files/dejavu-sans-latin-400-normal.woff'))

/** Tables of a TrueType file, by tag. */
function tables(ttf: Buffer): Map<string, Buffer> {
  const out = new Map<string, Buffer>()
  for (let i = 0; i < ttf.readUInt16BE(4); i++) {
    const at = 12 + i * 16
    out.set(ttf.toString('latin1', at, at + 4), ttf.subarray(ttf.readUInt32BE(at + 8), ttf.readUInt32BE(at + 8) + ttf.readUInt32BE(at + 12)))
  }
  return out
}

describe('a font cut down to a few characters', () => {
  it('maps each character to a glyph of its own with an outline, and keeps what a composite glyph is made of', () => {
    // é is drawn as e plus an accent in DejaVu Sans: three glyphs besides .notdef at least.
    const ttf = tables(subsetFont(woff, [0x2192, 0x2713, 0xE9], 'Lesson Symbols'))
    const cmap = readCmap(ttf.get('cmap')!)
    expect([...cmap.keys()].sort((a, b) => a - b)).toEqual([0xE9, 0x2192, 0x2713])
    const loca = ttf.get('loca')!
    const glyphs = loca.length / 4 - 1
    expect(ttf.get('maxp')!.readUInt16BE(4)).toBe(glyphs)
    expect(ttf.get('hhea')!.readUInt16BE(34)).toBe(glyphs)
    expect(ttf.get('hmtx')!.length).toBe(glyphs * 4)
    expect(glyphs).toBeGreaterThanOrEqual(5)
    for (const g of cmap.values()) {
      expect(g).toBeLessThan(glyphs)
      expect(loca.readUInt32BE(g * 4 + 4) - loca.readUInt32BE(g * 4)).toBeGreaterThan(0)
    }
    // Every component a composite names is a glyph of the cut font.
    const glyf = ttf.get('glyf')!
    const e = cmap.get(0xE9)!
    const data = glyf.subarray(loca.readUInt32BE(e * 4), loca.readUInt32BE(e * 4 + 4))
    expect(data.readInt16BE(0)).toBeLessThan(0)
    expect(data.readUInt16BE(12)).toBeLessThan(glyphs)
  })

  it('is named after its family, keeps the license, and is a small fraction of the font', () => {
    const font = subsetFont(woff, [0x2192], 'Lesson Symbols')
    const name = tables(font).get('name')!
    const text = Buffer.from(name).swap16().toString('utf16le')
    expect(text).toContain('Lesson Symbols')
    expect(text).toMatch(/Bitstream/)
    expect(font.length).toBeLessThan(woff.length / 10)
  })

  it('refuses characters the font does not have, naming them', () => {
    expect(() => subsetFont(woff, [0x2192, 0x4E00], 'X')).toThrow('the font has no glyph for U+4E00 一')
  })
})

describe('the decks\' symbols', () => {
  it('are found in the kit\'s sources with their file and line, and the face covers exactly them', async () => {
    const used = symbolsUsed(KIT_ROOT)
    expect(used.size).toBeGreaterThan(0)
    for (const [c, at] of used) {
      expect(isSymbol(c)).toBe(true)
      expect(at).toMatch(/^(?:slides|components|core|generated)\/.+:\d+$/)
    }
    const css = await symbolsCss(KIT_ROOT)
    const range = /unicode-range: ([^;]+);/.exec(css)![1]!.split(', ').map(u => Number.parseInt(u.slice(2), 16))
    expect(range).toEqual([...used.keys()].sort((a, b) => a - b))
  })
})
