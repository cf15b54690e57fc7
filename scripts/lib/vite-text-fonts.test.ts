import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { KIT_ROOT } from './kit-copy.ts'
import { charactersUsed, cutLatinFace, formatRange, parseRange } from './vite-text-fonts.ts'

describe('unicode ranges', () => {
  it('reads and writes them, runs joined', () => {
    expect([...parseRange('U+0041-0043, U+00E9')]).toEqual([0x41, 0x42, 0x43, 0xE9])
    expect(formatRange([0xE9, 0x41, 0x43, 0x42, 0x2026])).toBe('U+0041-0043,U+00E9,U+2026')
  })
})

describe('the text fonts\' Latin faces', () => {
  it('become one face with the characters used and one with the rest of the range, together the whole range', async () => {
    const sheet = createRequire(import.meta.url).resolve('@fontsource-variable/atkinson-hyperlegible-next/index.css')
    const css = readFileSync(sheet, 'utf8')
    const used = charactersUsed(KIT_ROOT)
    expect(used.has('A'.codePointAt(0)!)).toBe(true)
    const out = await cutLatinFace(KIT_ROOT, css, sheet, used)
    const faces = [...out.matchAll(/@font-face\s*\{[^}]*latin-wght-normal[^}]*\}/g)].map(m => m[0])
    expect(faces).toHaveLength(2)
    const [small, full] = faces.map(f => ({ src: /url\(([^)]+)\)/.exec(f)![1]!, range: parseRange(/unicode-range: ([^;]+);/.exec(f)![1]!) }))
    const original = parseRange(/latin-wght-normal\.woff2[^}]*unicode-range: ([^;]+);/.exec(css)![1]!)
    expect([...small!.range].every(c => used.has(c) && original.has(c))).toBe(true)
    expect([...full!.range].some(c => used.has(c))).toBe(false)
    expect(new Set([...small!.range, ...full!.range])).toEqual(original)
    // The small face is a file of its own, much smaller than the whole one.
    expect(full!.src).toBe('./files/atkinson-hyperlegible-next-latin-wght-normal.woff2')
    const cut = readFileSync(join(dirname(sheet), small!.src))
    expect(cut.subarray(0, 4).toString('latin1')).toBe('wOF2')
    expect(cut.length).toBeLessThan(readFileSync(join(dirname(sheet), full!.src)).length * 0.75)
    // The other faces are as they were.
    expect(out).toContain('latin-ext-wght-normal.woff2')
  }, 60_000)
})
