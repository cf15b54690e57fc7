import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createSandbox, lookupUser } from './sandbox.ts'

describe('lookupUser', () => {
  it('reads uid and gid from a passwd file', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'passwd-')), 'passwd')
    writeFileSync(file, 'root:x:0:0::/root:/bin/sh\nnobody:x:65534:65533::/nonexistent:/usr/sbin/nologin\n')
    expect(lookupUser('nobody', file)).toEqual({ uid: 65534, gid: 65533 })
    expect(lookupUser('ghost', file)).toBeNull()
  })
})

describe.runIf(process.platform === 'linux')('createSandbox on Linux', () => {
  it('as root, drops to another user, because RLIMIT_NPROC does not bind root', () => {
    const sandbox = createSandbox({ uid: 0 })
    if (typeof sandbox === 'string')
      throw new TypeError(`no sandbox for root here: ${sandbox}`)
    expect(sandbox.uid).not.toBe(0)
    const { command, args } = sandbox.wrap('/tmp/x/main')
    const line = [command, ...args].join(' ')
    expect(line).toMatch(/--nproc=\d+/)
    expect(line).toMatch(/setpriv --reuid=\d+ --regid=\d+ --clear-groups -- \/tmp\/x\/main$|runuser -u nobody -- \/tmp\/x\/main$/)
  })

  it('as an ordinary user, limits without changing user', () => {
    const sandbox = createSandbox({ uid: 1000 })
    if (typeof sandbox === 'string')
      throw new TypeError(sandbox)
    expect(sandbox.uid).toBe(1000)
    const { args } = sandbox.wrap('/tmp/x/main')
    expect(args.join(' ')).not.toMatch(/setpriv|runuser/)
    expect(args.at(-1)).toBe('/tmp/x/main')
  })
})
