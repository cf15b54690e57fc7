/**
 * A `.tar.gz` writer on Node's standard library: POSIX ustar headers, file
 * data padded to 512-byte blocks, two zero blocks at the end, then gzip.
 * Enough for a source download; every archive tool reads it.
 */
import { Buffer } from 'node:buffer'
import { gzipSync } from 'node:zlib'
import { LessonError } from '../../core/errors.ts'

export interface TarEntry {
  /** Path inside the archive, `/`-separated, no leading `/`. */
  path: string
  content: string | Uint8Array
  /** Unix permissions; default 0o644. */
  mode?: number
}

const BLOCK = 512

function writeString(header: Buffer, text: string, offset: number, length: number): void {
  const bytes = Buffer.from(text, 'utf8')
  if (bytes.length > length)
    throw new LessonError(`tar: \`${text}\` is longer than ${length} bytes`)
  bytes.copy(header, offset)
}

function writeOctal(header: Buffer, value: number, offset: number, length: number): void {
  // ustar numbers are zero-padded octal followed by a NUL.
  writeString(header, `${value.toString(8).padStart(length - 1, '0')}\0`, offset, length)
}

/** Splits a long path into ustar's `prefix` (155 bytes) and `name` (100 bytes). */
function splitPath(path: string): { prefix: string, name: string } {
  if (Buffer.byteLength(path) <= 100)
    return { prefix: '', name: path }
  for (let i = path.indexOf('/'); i >= 0; i = path.indexOf('/', i + 1)) {
    const prefix = path.slice(0, i)
    const name = path.slice(i + 1)
    if (Buffer.byteLength(prefix) <= 155 && Buffer.byteLength(name) <= 100)
      return { prefix, name }
  }
  throw new LessonError(`tar: path too long for the ustar format: ${path}`)
}

export function tarHeader(path: string, size: number, mode: number, mtime: number): Buffer {
  if (!path || path.startsWith('/') || path.split('/').includes('..'))
    throw new LessonError(`tar: \`${path}\` is not a relative path inside the archive`)
  const header = Buffer.alloc(BLOCK)
  const { prefix, name } = splitPath(path)
  writeString(header, name, 0, 100)
  writeOctal(header, mode, 100, 8)
  writeOctal(header, 0, 108, 8) // uid
  writeOctal(header, 0, 116, 8) // gid
  writeOctal(header, size, 124, 12)
  writeOctal(header, mtime, 136, 12)
  header.fill(' ', 148, 156) // checksum is computed with its own field as spaces
  writeString(header, '0', 156, 1) // regular file
  writeString(header, 'ustar\0', 257, 6)
  writeString(header, '00', 263, 2)
  writeString(header, prefix, 345, 155)
  let sum = 0
  for (const byte of header)
    sum += byte
  writeString(header, `${sum.toString(8).padStart(6, '0')}\0 `, 148, 8)
  return header
}

/** The archive, uncompressed. `mtime` is fixed so equal inputs give equal bytes. */
export function tar(entries: readonly TarEntry[], mtime = 0): Buffer {
  const parts: Buffer[] = []
  for (const entry of entries) {
    const data = typeof entry.content === 'string' ? Buffer.from(entry.content, 'utf8') : Buffer.from(entry.content)
    parts.push(tarHeader(entry.path, data.length, entry.mode ?? 0o644, mtime), data)
    const pad = (BLOCK - (data.length % BLOCK)) % BLOCK
    if (pad)
      parts.push(Buffer.alloc(pad))
  }
  parts.push(Buffer.alloc(BLOCK * 2))
  return Buffer.concat(parts)
}

export function tarGz(entries: readonly TarEntry[], mtime = 0): Buffer {
  return gzipSync(tar(entries, mtime), { level: 9 })
}
