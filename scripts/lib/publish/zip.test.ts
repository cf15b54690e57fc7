import { Buffer } from 'node:buffer'
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { zip } from './zip.ts'

const hasUnzip = existsSync('/usr/bin/unzip')

describe('zip', () => {
  it.runIf(hasUnzip)('writes an archive that unzip tests and extracts byte for byte', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'zip-'))
    try {
      const random = Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 7919) % 251))
      const entries = [
        { path: 'site/index.html', content: Buffer.from('<h1>Lesson</h1>\n'.repeat(200)) },
        { path: 'site/rc/index.html', content: Buffer.from('é — ünïcode\n') },
        { path: 'site/bytes.bin', content: random },
        { path: 'site/empty.txt', content: Buffer.alloc(0) },
      ]
      await writeFile(join(dir, 'a.zip'), zip(entries))
      expect(execFileSync('unzip', ['-t', join(dir, 'a.zip')], { encoding: 'utf8' })).toMatch(/No errors detected/)
      execFileSync('unzip', ['-q', join(dir, 'a.zip'), '-d', join(dir, 'out')])
      for (const e of entries)
        expect(Buffer.compare(await readFile(join(dir, 'out', e.path)), e.content)).toBe(0)
    }
    finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  it('is the same bytes for the same files, and refuses paths that leave the archive', () => {
    const entries = [{ path: 'a/b.txt', content: Buffer.from('x') }]
    expect(zip(entries).equals(zip(entries))).toBe(true)
    expect(() => zip([{ path: '../x', content: Buffer.alloc(1) }])).toThrow(/not a relative path/)
    expect(() => zip([{ path: '/x', content: Buffer.alloc(1) }])).toThrow(/not a relative path/)
  })
})
