import { execFileSync } from 'node:child_process'
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { tar, tarGz, tarHeader } from './tar.ts'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lesson-tar-'))
})
afterEach(() => rm(dir, { recursive: true, force: true }))

describe('tarGz', () => {
  it('writes an archive the system tar extracts exactly', async () => {
    const long = `${'deep/'.repeat(30)}file.txt`
    const archive = tarGz([
      { path: 'ws/Cargo.toml', content: '[workspace]\n' },
      { path: 'ws/run.sh', content: '#!/bin/sh\necho hi\n', mode: 0o755 },
      { path: 'ws/empty', content: '' },
      { path: 'ws/block', content: 'x'.repeat(512) },
      { path: long, content: 'ünïcode\n' },
    ])
    await writeFile(join(dir, 'a.tar.gz'), archive)
    const listing = execFileSync('tar', ['-tzf', 'a.tar.gz'], { cwd: dir, encoding: 'utf8' }).trim().split('\n')
    expect(listing).toEqual(['ws/Cargo.toml', 'ws/run.sh', 'ws/empty', 'ws/block', long])
    execFileSync('tar', ['-xzf', 'a.tar.gz'], { cwd: dir })
    expect(await readFile(join(dir, 'ws/Cargo.toml'), 'utf8')).toBe('[workspace]\n')
    expect(await readFile(join(dir, 'ws/block'), 'utf8')).toHaveLength(512)
    expect(await readFile(join(dir, long), 'utf8')).toBe('ünïcode\n')
    expect((await stat(join(dir, 'ws/run.sh'))).mode & 0o777).toBe(0o755)
    expect((await stat(join(dir, 'ws/empty'))).size).toBe(0)
  })

  it('pads to 512-byte blocks and ends with two empty blocks', () => {
    const raw = tar([{ path: 'a', content: 'abc' }])
    expect(raw.length).toBe(512 * 4)
    expect(raw.subarray(1024).every(b => b === 0)).toBe(true)
    expect(gunzipSync(tarGz([{ path: 'a', content: 'abc' }]))).toEqual(raw)
  })

  it('is reproducible', () => {
    const entries = [{ path: 'a/b.rs', content: 'fn main() {}\n' }]
    expect(tarGz(entries).equals(tarGz(entries))).toBe(true)
  })

  it('refuses paths that escape the archive', () => {
    expect(() => tarHeader('/etc/passwd', 0, 0o644, 0)).toThrow(/not a relative path/)
    expect(() => tarHeader('a/../../b', 0, 0o644, 0)).toThrow(/not a relative path/)
    expect(() => tarHeader(`${'x'.repeat(101)}`, 0, 0o644, 0)).toThrow(/too long/)
  })
})
