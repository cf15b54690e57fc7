/**
 * A `.zip` writer on Node's standard library (deflate, CRC-32), for the
 * whole-site download: every desktop opens a zip with a double-click.
 * Local headers, then the central directory; no zip64, so the archive and
 * each file stay under 4 GiB.
 */
import { Buffer } from 'node:buffer'
import { crc32, deflateRawSync } from 'node:zlib'
import { LessonError } from '../../../core/errors.ts'

export interface ZipEntry {
  /** Path inside the archive, `/`-separated, no leading `/`. */
  path: string
  content: Uint8Array
}

// 1980-01-01 00:00, the earliest DOS date: equal inputs give equal bytes.
const DOS_TIME = 0
const DOS_DATE = (0 << 9) | (1 << 5) | 1

export function zip(entries: readonly ZipEntry[]): Buffer {
  const locals: Buffer[] = []
  const central: Buffer[] = []
  let offset = 0
  for (const entry of entries) {
    if (!entry.path || entry.path.startsWith('/') || entry.path.split('/').includes('..'))
      throw new LessonError(`zip: \`${entry.path}\` is not a relative path inside the archive`)
    const name = Buffer.from(entry.path, 'utf8')
    const data = Buffer.from(entry.content)
    const deflated = deflateRawSync(data, { level: 9 })
    // Already-compressed files (PDFs, fonts) may not shrink: store them.
    const stored = deflated.length >= data.length
    const body = stored ? data : deflated
    const crc = crc32(data)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034B50, 0)
    local.writeUInt16LE(20, 4) // version needed
    local.writeUInt16LE(0x0800, 6) // names are UTF-8
    local.writeUInt16LE(stored ? 0 : 8, 8)
    local.writeUInt16LE(DOS_TIME, 10)
    local.writeUInt16LE(DOS_DATE, 12)
    local.writeUInt32LE(crc, 14)
    local.writeUInt32LE(body.length, 18)
    local.writeUInt32LE(data.length, 22)
    local.writeUInt16LE(name.length, 26)
    local.writeUInt16LE(0, 28)
    const head = Buffer.alloc(46)
    head.writeUInt32LE(0x02014B50, 0)
    head.writeUInt16LE(0x031E, 4) // made by: Unix, 3.0
    head.writeUInt16LE(20, 6)
    head.writeUInt16LE(0x0800, 8)
    head.writeUInt16LE(stored ? 0 : 8, 10)
    head.writeUInt16LE(DOS_TIME, 12)
    head.writeUInt16LE(DOS_DATE, 14)
    head.writeUInt32LE(crc, 16)
    head.writeUInt32LE(body.length, 20)
    head.writeUInt32LE(data.length, 24)
    head.writeUInt16LE(name.length, 28)
    head.writeUInt32LE((0o100644 << 16) >>> 0, 38) // a regular file, rw-r--r--
    head.writeUInt32LE(offset, 42)
    locals.push(local, name, body)
    central.push(head, name)
    offset += local.length + name.length + body.length
    if (offset > 0xFFFFFFFF)
      throw new LessonError('zip: the archive passed 4 GiB')
  }
  const directory = Buffer.concat(central)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054B50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, directory, end])
}
