/**
 * A TrueType font cut down to a few characters: the decks' symbols (arrows,
 * check marks, circles, warning signs) drawn by a bundled font, in a few
 * kilobytes instead of the whole font's 140. Reads a WOFF 1.0 file (what
 * `@fontsource` ships beside its WOFF2; zlib, which Node has) and writes a
 * plain TrueType file holding `.notdef`, the glyphs of the characters asked
 * for and the glyphs they are composed of. Hinting programs and metrics are
 * kept; layout tables (kerning, ligatures) are left out, as symbols need none.
 */
import { Buffer } from 'node:buffer'
import { inflateSync } from 'node:zlib'

/** Tables of a WOFF 1.0 file, uncompressed, by tag. */
export function readWoff(woff: Buffer): Map<string, Buffer> {
  if (woff.toString('latin1', 0, 4) !== 'wOFF')
    throw new Error('not a WOFF 1.0 file (no wOFF signature)')
  const tables = new Map<string, Buffer>()
  const count = woff.readUInt16BE(12)
  for (let i = 0; i < count; i++) {
    const at = 44 + i * 20
    const tag = woff.toString('latin1', at, at + 4)
    const offset = woff.readUInt32BE(at + 4)
    const compLength = woff.readUInt32BE(at + 8)
    const origLength = woff.readUInt32BE(at + 12)
    const data = woff.subarray(offset, offset + compLength)
    tables.set(tag, compLength < origLength ? inflateSync(data) : Buffer.from(data))
  }
  return tables
}

/** Code point → glyph id, from the font's Unicode `cmap` subtable (format 4 or 12). */
export function readCmap(cmap: Buffer): Map<number, number> {
  const map = new Map<number, number>()
  const count = cmap.readUInt16BE(2)
  let best: { offset: number, format: number } | null = null
  for (let i = 0; i < count; i++) {
    const platform = cmap.readUInt16BE(4 + i * 8)
    const encoding = cmap.readUInt16BE(6 + i * 8)
    const offset = cmap.readUInt32BE(8 + i * 8)
    const format = cmap.readUInt16BE(offset)
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10))
    if (unicode && (format === 12 || (format === 4 && best?.format !== 12)))
      best = { offset, format }
  }
  if (!best)
    throw new Error('the font has no Unicode cmap subtable of format 4 or 12')
  const o = best.offset
  if (best.format === 12) {
    const groups = cmap.readUInt32BE(o + 12)
    for (let g = 0; g < groups; g++) {
      const start = cmap.readUInt32BE(o + 16 + g * 12)
      const end = cmap.readUInt32BE(o + 20 + g * 12)
      const glyph = cmap.readUInt32BE(o + 24 + g * 12)
      for (let c = start; c <= end; c++)
        map.set(c, glyph + c - start)
    }
    return map
  }
  const segs = cmap.readUInt16BE(o + 6) / 2
  const ends = o + 14
  const starts = ends + segs * 2 + 2
  const deltas = starts + segs * 2
  const ranges = deltas + segs * 2
  for (let s = 0; s < segs; s++) {
    const end = cmap.readUInt16BE(ends + s * 2)
    const start = cmap.readUInt16BE(starts + s * 2)
    const delta = cmap.readInt16BE(deltas + s * 2)
    const rangeOffset = cmap.readUInt16BE(ranges + s * 2)
    for (let c = start; c <= end && c !== 0xFFFF; c++) {
      let glyph: number
      if (rangeOffset === 0) {
        glyph = (c + delta) & 0xFFFF
      }
      else {
        const at = ranges + s * 2 + rangeOffset + (c - start) * 2
        const raw = cmap.readUInt16BE(at)
        glyph = raw === 0 ? 0 : (raw + delta) & 0xFFFF
      }
      if (glyph)
        map.set(c, glyph)
    }
  }
  return map
}

const ARGS_ARE_WORDS = 0x0001
const HAS_SCALE = 0x0008
const MORE_COMPONENTS = 0x0020
const HAS_XY_SCALE = 0x0040
const HAS_2X2 = 0x0080

/** Offsets (in the glyph's bytes) of each component's glyph id, for a composite glyph; empty for a simple one. */
function componentOffsets(glyph: Buffer): number[] {
  if (glyph.length === 0 || glyph.readInt16BE(0) >= 0)
    return []
  const offsets: number[] = []
  let at = 10
  let flags: number
  do {
    flags = glyph.readUInt16BE(at)
    offsets.push(at + 2)
    at += 4 + (flags & ARGS_ARE_WORDS ? 4 : 2)
    at += flags & HAS_SCALE ? 2 : flags & HAS_XY_SCALE ? 4 : flags & HAS_2X2 ? 8 : 0
  } while (flags & MORE_COMPONENTS)
  return offsets
}

function checksum(data: Buffer): number {
  const padded = Buffer.concat([data, Buffer.alloc((4 - (data.length % 4)) % 4)])
  let sum = 0
  for (let i = 0; i < padded.length; i += 4)
    sum = (sum + padded.readUInt32BE(i)) >>> 0
  return sum
}

/** A format 4 cmap (Windows Unicode BMP) mapping each code point to its glyph: one segment each. */
function writeCmap(map: ReadonlyMap<number, number>): Buffer {
  const codes = [...map.keys()].sort((a, b) => a - b)
  const segs = codes.length + 1
  const sub = Buffer.alloc(16 + segs * 8)
  let searchRange = 1
  let entrySelector = 0
  while (searchRange * 2 <= segs) {
    searchRange *= 2
    entrySelector++
  }
  sub.writeUInt16BE(4, 0)
  sub.writeUInt16BE(sub.length, 2)
  sub.writeUInt16BE(0, 4)
  sub.writeUInt16BE(segs * 2, 6)
  sub.writeUInt16BE(searchRange * 2, 8)
  sub.writeUInt16BE(entrySelector, 10)
  sub.writeUInt16BE(segs * 2 - searchRange * 2, 12)
  const ends = 14
  const starts = ends + segs * 2 + 2
  const deltas = starts + segs * 2
  const ranges = deltas + segs * 2
  ;[...codes, 0xFFFF].forEach((c, s) => {
    sub.writeUInt16BE(c, ends + s * 2)
    sub.writeUInt16BE(c, starts + s * 2)
    sub.writeUInt16BE(c === 0xFFFF ? 1 : (map.get(c)! - c) & 0xFFFF, deltas + s * 2)
    sub.writeUInt16BE(0, ranges + s * 2)
  })
  const head = Buffer.alloc(12)
  head.writeUInt16BE(0, 0)
  head.writeUInt16BE(1, 2)
  head.writeUInt16BE(3, 4)
  head.writeUInt16BE(1, 6)
  head.writeUInt32BE(12, 8)
  return Buffer.concat([head, sub])
}

/** An sfnt file (TrueType) of `tables`, with its directory and checksums. */
function writeSfnt(tables: Map<string, Buffer>): Buffer {
  const tags = [...tables.keys()].sort()
  let searchRange = 1
  let entrySelector = 0
  while (searchRange * 2 <= tags.length) {
    searchRange *= 2
    entrySelector++
  }
  const header = Buffer.alloc(12 + tags.length * 16)
  header.writeUInt32BE(0x00010000, 0)
  header.writeUInt16BE(tags.length, 4)
  header.writeUInt16BE(searchRange * 16, 6)
  header.writeUInt16BE(entrySelector, 8)
  header.writeUInt16BE(tags.length * 16 - searchRange * 16, 10)
  const bodies: Buffer[] = []
  let offset = header.length
  tags.forEach((tag, i) => {
    const data = tables.get(tag)!
    const at = 12 + i * 16
    header.write(tag, at, 'latin1')
    header.writeUInt32BE(checksum(data), at + 4)
    header.writeUInt32BE(offset, at + 8)
    header.writeUInt32BE(data.length, at + 12)
    const padded = Buffer.concat([data, Buffer.alloc((4 - (data.length % 4)) % 4)])
    bodies.push(padded)
    offset += padded.length
  })
  const font = Buffer.concat([header, ...bodies])
  // head.checkSumAdjustment: the whole file sums to 0xB1B0AFBA.
  const headAt = font.readUInt32BE(12 + tags.indexOf('head') * 16 + 8)
  font.writeUInt32BE((0xB1B0AFBA - checksum(font)) >>> 0, headAt + 8)
  return font
}

/** Tables kept as they are: hinting and metrics' metadata. */
const KEPT = ['OS/2', 'cvt ', 'fpgm', 'gasp', 'prep']

/** Name ids kept from the original: its copyright, license and license URL, which go with every copy. */
const KEPT_NAMES = new Set([0, 13, 14])

/**
 * A `name` table naming the cut font `family` (a modified font takes a
 * name of its own), with the original's copyright and license (Windows
 * Unicode records).
 */
function writeName(original: Buffer | undefined, family: string): Buffer {
  const records: { id: number, text: Buffer }[] = []
  if (original) {
    const count = original.readUInt16BE(2)
    const strings = original.readUInt16BE(4)
    for (let i = 0; i < count; i++) {
      const at = 6 + i * 12
      const [platform, encoding, language, id, length, offset] = [0, 2, 4, 6, 8, 10].map(o => original.readUInt16BE(at + o)) as [number, number, number, number, number, number]
      if (platform === 3 && encoding === 1 && language === 0x409 && KEPT_NAMES.has(id))
        records.push({ id, text: original.subarray(strings + offset, strings + offset + length) })
    }
  }
  const utf16 = (text: string) => Buffer.from(text, 'utf16le').swap16()
  records.push(
    { id: 1, text: utf16(family) },
    { id: 2, text: utf16('Regular') },
    { id: 4, text: utf16(family) },
    { id: 6, text: utf16(family.replace(/[^A-Z0-9]/gi, '')) },
  )
  records.sort((a, b) => a.id - b.id)
  const header = Buffer.alloc(6 + records.length * 12)
  header.writeUInt16BE(0, 0)
  header.writeUInt16BE(records.length, 2)
  header.writeUInt16BE(header.length, 4)
  let offset = 0
  records.forEach((r, i) => {
    const at = 6 + i * 12
    ;[3, 1, 0x409, r.id, r.text.length, offset].forEach((v, k) => header.writeUInt16BE(v, at + k * 2))
    offset += r.text.length
  })
  return Buffer.concat([header, ...records.map(r => r.text)])
}

/**
 * A TrueType font named `family` of `woff`'s glyphs for `codePoints` (and
 * what they are built of). Fails, naming them, for characters the font does
 * not have.
 */
export function subsetFont(woff: Buffer, codePoints: Iterable<number>, family: string): Buffer {
  const t = readWoff(woff)
  for (const tag of ['cmap', 'glyf', 'head', 'hhea', 'hmtx', 'loca', 'maxp']) {
    if (!t.has(tag))
      throw new Error(`the font has no ${tag} table`)
  }
  const cmap = readCmap(t.get('cmap')!)
  const wanted = [...new Set(codePoints)].sort((a, b) => a - b)
  const missing = wanted.filter(c => !cmap.has(c))
  if (missing.length)
    throw new Error(`the font has no glyph for ${missing.map(c => `U+${c.toString(16).toUpperCase().padStart(4, '0')} ${String.fromCodePoint(c)}`).join(', ')}`)
  const head = Buffer.from(t.get('head')!)
  const longLoca = head.readInt16BE(50) === 1
  const loca = t.get('loca')!
  const glyf = t.get('glyf')!
  const maxp = Buffer.from(t.get('maxp')!)
  const total = maxp.readUInt16BE(4)
  const glyphAt = (g: number): [number, number] => longLoca ? [loca.readUInt32BE(g * 4), loca.readUInt32BE(g * 4 + 4)] : [loca.readUInt16BE(g * 2) * 2, loca.readUInt16BE(g * 2 + 2) * 2]
  const glyph = (g: number) => {
    if (g >= total)
      throw new Error(`glyph ${g} is past the font's ${total} glyphs`)
    const [from, to] = glyphAt(g)
    return glyf.subarray(from, to)
  }
  // .notdef, the characters' glyphs, and every glyph a composite is made of.
  const keep = new Set<number>([0])
  const todo = wanted.map(c => cmap.get(c)!)
  while (todo.length) {
    const g = todo.pop()!
    if (keep.has(g))
      continue
    keep.add(g)
    const data = glyph(g)
    for (const at of componentOffsets(data))
      todo.push(data.readUInt16BE(at))
  }
  const order = [...keep].sort((a, b) => a - b)
  const newId = new Map(order.map((g, i) => [g, i]))

  const glyphs: Buffer[] = []
  const offsets: number[] = [0]
  for (const g of order) {
    const data = Buffer.from(glyph(g))
    for (const at of componentOffsets(data))
      data.writeUInt16BE(newId.get(data.readUInt16BE(at))!, at)
    const padded = Buffer.concat([data, Buffer.alloc((4 - (data.length % 4)) % 4)])
    glyphs.push(padded)
    offsets.push(offsets.at(-1)! + padded.length)
  }
  const newLoca = Buffer.alloc(offsets.length * 4)
  offsets.forEach((o, i) => newLoca.writeUInt32BE(o, i * 4))

  const hhea = Buffer.from(t.get('hhea')!)
  const hmtx = t.get('hmtx')!
  const metrics = hhea.readUInt16BE(34)
  const newHmtx = Buffer.alloc(order.length * 4)
  order.forEach((g, i) => {
    const advance = hmtx.readUInt16BE(Math.min(g, metrics - 1) * 4)
    const lsb = g < metrics ? hmtx.readInt16BE(g * 4 + 2) : hmtx.readInt16BE(metrics * 4 + (g - metrics) * 2)
    newHmtx.writeUInt16BE(advance, i * 4)
    newHmtx.writeInt16BE(lsb, i * 4 + 2)
  })
  hhea.writeUInt16BE(order.length, 34)
  maxp.writeUInt16BE(order.length, 4)
  head.writeInt16BE(1, 50)
  head.writeUInt32BE(0, 8)
  // post format 3: no glyph names.
  const post = Buffer.from((t.get('post') ?? Buffer.alloc(32)).subarray(0, 32))
  post.writeUInt32BE(0x00030000, 0)

  const out = new Map<string, Buffer>([
    ['cmap', writeCmap(new Map(wanted.map(c => [c, newId.get(cmap.get(c)!)!])))],
    ['glyf', Buffer.concat(glyphs)],
    ['head', head],
    ['hhea', hhea],
    ['hmtx', newHmtx],
    ['loca', newLoca],
    ['maxp', maxp],
    ['post', post],
    ['name', writeName(t.get('name'), family)],
  ])
  for (const tag of KEPT) {
    if (t.has(tag))
      out.set(tag, t.get(tag)!)
  }
  return writeSfnt(out)
}
