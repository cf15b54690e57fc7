import type { Sandbox, SandboxJob } from './sandbox.ts'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createSandbox, lookupUser, macosProfile, UNSAFE_FLAG, userNamespaceFilter } from './sandbox.ts'

const SYSROOT = '/home/me/.rustup/toolchains/stable-x86_64-unknown-linux-gnu'
const compile: SandboxJob = { kind: 'compile', folder: '/tmp/home/compile-1', inputs: ['main.rs'], program: { rustc: true }, args: ['-o', 'main', 'main.rs'], keep: { name: 'main', to: '/tmp/home/abc' } }
const runJob: SandboxJob = { kind: 'run', folder: '/tmp/home/run-1', program: { binary: '/tmp/home/abc/main' }, args: [] }

function sandboxFor(options: Parameters<typeof createSandbox>[0]): Sandbox {
  const sandbox = createSandbox({ sysroot: SYSROOT, skipProbe: true, ...options })
  if (typeof sandbox === 'string')
    throw new TypeError(sandbox)
  return sandbox
}

/** The value after each occurrence of `flag` in `args`. */
function after(args: string[], flag: string, count = 1): string[][] {
  const found: string[][] = []
  args.forEach((a, i) => {
    if (a === flag)
      found.push(args.slice(i + 1, i + 1 + count))
  })
  return found
}

describe('lookupUser', () => {
  it('reads uid and gid from a passwd file', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'passwd-')), 'passwd')
    writeFileSync(file, 'root:x:0:0::/root:/bin/sh\nnobody:x:65534:65533::/nonexistent:/usr/sbin/nologin\n')
    expect(lookupUser('nobody', file)).toEqual({ uid: 65534, gid: 65533 })
    expect(lookupUser('ghost', file)).toBeNull()
  })
})

describe('createSandbox: bubblewrap on Linux', () => {
  const tools = { bwrap: '/usr/bin/bwrap', setpriv: '/usr/bin/setpriv', prlimit: '/usr/bin/prlimit' }

  it('confines a compile: no network, own PID namespace, read-only toolchain, a size-limited private /tmp, nothing of /etc but alternatives', () => {
    const { command, args } = sandboxFor({ platform: 'linux', uid: 1000, tools }).wrap(compile)
    expect(command).toBe('/usr/bin/prlimit')
    expect(args.slice(0, 5).join(' ')).toMatch(/^--nproc=\d+ --fsize=67108864 --as=4294967296 --core=0 --$/)
    const bwrap = args.slice(args.indexOf('/usr/bin/bwrap') + 1)
    for (const flag of ['--unshare-net', '--unshare-pid', '--unshare-ipc', '--die-with-parent', '--new-session', '--clearenv', '--unshare-user', '--disable-userns'])
      expect(bwrap).toContain(flag)
    expect(after(bwrap, '--uid')).toEqual([['65534']])
    expect(after(bwrap, '--ro-bind', 2)).toEqual(expect.arrayContaining([['/usr', '/usr'], [SYSROOT, '/rust'], ['/tmp/home/compile-1/main.rs', '/tmp/main.rs']]))
    // Writable: the private tmpfs and the folder the binary is copied to, nothing else.
    expect(after(bwrap, '--bind', 2)).toEqual([['/tmp/home/abc', '/out']])
    expect(after(bwrap, '--size', 3)).toEqual([['268435456', '--tmpfs', '/tmp']])
    const sources = [...after(bwrap, '--ro-bind', 1), ...after(bwrap, '--ro-bind-try', 1), ...after(bwrap, '--bind', 1)].flat()
    expect(sources.filter(s => s.startsWith('/etc'))).toEqual(['/etc/alternatives'])
    expect(sources).not.toContain('/home')
    expect(after(bwrap, '--remount-ro')).toEqual([['/dev'], ['/']])
    expect(bwrap.slice(bwrap.indexOf('--') + 1)).toEqual(['/bin/sh', '-c', '"$@" && exec cp -- main /out/main', 'sh', '/rust/bin/rustc', '-o', 'main', 'main.rs'])
  })

  it('hands bubblewrap the filter refusing user namespaces on fd 3', () => {
    const wrapped = sandboxFor({ platform: 'linux', uid: 1000, tools }).wrap(runJob)
    expect(after(wrapped.args, '--seccomp')).toEqual([['3']])
    expect(wrapped.inputFds).toEqual([userNamespaceFilter()])
  })

  it('runs a program from a read-only bind, with the smaller run limits', () => {
    const { args } = sandboxFor({ platform: 'linux', uid: 1000, tools }).wrap(runJob)
    expect(args.slice(0, 5).join(' ')).toMatch(/^--nproc=\d+ --fsize=16777216 --as=2147483648 --core=0 --$/)
    expect(after(args, '--ro-bind', 2)).toContainEqual(['/tmp/home/abc/main', '/prog/main'])
    expect(after(args, '--bind', 2)).toEqual([])
    expect(after(args, '--size', 1)).toEqual([['67108864']])
    expect(args.at(-1)).toBe('/prog/main')
  })

  it('as root, uses no user namespace (it would map back to root) and drops to nobody with setpriv', () => {
    const sandbox = sandboxFor({ platform: 'linux', uid: 0, tools })
    expect(sandbox.uid).not.toBe(0)
    const { args } = sandbox.wrap(runJob)
    expect(args).not.toContain('--unshare-user')
    expect(args.join(' ')).toMatch(/-- \/usr\/bin\/setpriv --reuid=\d+ --regid=\d+ --clear-groups --inh-caps=-all -- \/prog\/main$/)
  })

  it('without bubblewrap, refuses in one line naming what to install and the opt-out', () => {
    const why = createSandbox({ platform: 'linux', uid: 1000, sysroot: SYSROOT, tools: { ...tools, bwrap: null } })
    expect(typeof why).toBe('string')
    expect(why).not.toContain('\n')
    expect(why).toMatch(/apt-get install bubblewrap/)
    expect(why).toContain(UNSAFE_FLAG)
  })
})

describe('createSandbox: the explicit opt-out', () => {
  it('runs under the limits only, as nobody when root, and carries a warning for every run', () => {
    const sandbox = sandboxFor({ platform: 'linux', uid: 0, unconfined: true, tools: { bwrap: null, setpriv: '/usr/bin/setpriv', prlimit: '/usr/bin/prlimit' } })
    expect(sandbox.kind).toBe('limits-only')
    expect(sandbox.warning).toMatch(/UNCONFINED/)
    const { command, args } = sandbox.wrap(runJob)
    expect([command, ...args].join(' ')).toMatch(/^\/usr\/bin\/prlimit --nproc=\d+ .* -- \/usr\/bin\/setpriv --reuid=\d+ .* -- \/tmp\/home\/abc\/main$/)
  })
})

describe('createSandbox: sandbox-exec on macOS', () => {
  it('wraps each job in a profile of its own, under ulimit', () => {
    const sandbox = sandboxFor({ platform: 'darwin', uid: 501, tools: { 'sandbox-exec': '/usr/bin/sandbox-exec' } })
    expect(sandbox.kind).toBe('sandbox-exec')
    const { command, args } = sandbox.wrap(compile)
    expect(command).toBe('/usr/bin/sandbox-exec')
    expect(args[0]).toBe('-p')
    expect(args[1]).toContain('(subpath "/tmp/home/compile-1")')
    expect(args.slice(2, 4)).toEqual(['/bin/sh', '-c'])
    expect(args[4]).toMatch(/ulimit -u \d+ && ulimit -f 131072 && ulimit -c 0/)
    expect(args).toContain(`${SYSROOT}/bin/rustc`)
  })

  it('without sandbox-exec, refuses', () => {
    expect(createSandbox({ platform: 'darwin', uid: 501, sysroot: SYSROOT, tools: { 'sandbox-exec': null } })).toMatch(/sandbox-exec/)
  })
})

describe('macosProfile', () => {
  const profile = macosProfile({ sysroot: SYSROOT, folder: '/private/tmp/lesson-live-x/run-1', binary: '/private/tmp/lesson-live-x/abc/main' })
  const rule = (name: string) => profile.split('\n').filter(l => l.startsWith(`(allow ${name}`)).join('\n')

  it('denies by default and denies all network, loopback included', () => {
    expect(profile.split('\n')[1]).toBe('(deny default)')
    expect(profile).toContain('(deny network*)')
    expect(profile).not.toMatch(/allow network/)
  })

  it('reads only the system, the toolchain and the job\'s own folder; writes only that folder', () => {
    const reads = rule('file-read*')
    expect(reads).toContain(`(subpath "${SYSROOT}")`)
    expect(reads).toContain('(subpath "/private/tmp/lesson-live-x/run-1")')
    for (const forbidden of ['/Users', '/private/etc', '/etc', '/private/var/root', '/private/tmp"', '/Volumes'])
      expect(reads).not.toContain(`(subpath "${forbidden}`)
    expect(rule('file-write*')).toBe('(allow file-write* (subpath "/private/tmp/lesson-live-x/run-1") (literal "/dev/null"))')
  })

  it('quotes paths so that a folder name cannot add rules', () => {
    const tricky = macosProfile({ sysroot: SYSROOT, folder: '/tmp/a") (allow network*) ("\\' })
    expect(tricky).not.toMatch(/^\(allow network\*\)/m)
    expect(tricky).toContain('(subpath "/tmp/a\\") (allow network*) (\\"\\\\")')
  })
})

/** What a classic-BPF seccomp program answers for one system call (the kernel's seccomp_data, little-endian). */
function verdict(program: Uint8Array, call: { arch: number, nr: number, arg0?: number }): number {
  const view = new DataView(program.buffer, program.byteOffset, program.byteLength)
  const data = new DataView(new ArrayBuffer(64))
  data.setInt32(0, call.nr, true)
  data.setUint32(4, call.arch, true)
  data.setUint32(16, call.arg0 ?? 0, true)
  let acc = 0
  for (let pc = 0; pc * 8 < program.length;) {
    const code = view.getUint16(pc * 8, true)
    const jt = view.getUint8(pc * 8 + 2)
    const jf = view.getUint8(pc * 8 + 3)
    const k = view.getUint32(pc * 8 + 4, true)
    if (code === 0x20) {
      acc = data.getUint32(k, true)
    }
    else if (code === 0x06) {
      return k
    }
    else if (code === 0x15 || code === 0x35 || code === 0x45) {
      const taken = code === 0x15 ? acc === k : code === 0x35 ? acc >= k : (acc & k) !== 0
      pc += taken ? jt : jf
    }
    else {
      throw new Error(`instruction ${code.toString(16)} not understood`)
    }
    pc++
  }
  throw new Error('ran off the end of the program')
}

describe('userNamespaceFilter', () => {
  const ALLOW = 0x7FFF0000
  const EPERM = 0x00050001
  const ENOSYS = 0x00050026
  const KILL = 0x80000000
  const NEWUSER = 0x10000000

  it('on x86-64: refuses unshare and clone of a user namespace, sends clone3 back to clone, kills i386 and x32 calls', () => {
    const f = userNamespaceFilter('x64')!
    const x64 = 0xC000003E
    expect(verdict(f, { arch: x64, nr: 272, arg0: NEWUSER })).toBe(EPERM)
    expect(verdict(f, { arch: x64, nr: 272, arg0: NEWUSER | 0x20000 })).toBe(EPERM)
    expect(verdict(f, { arch: x64, nr: 56, arg0: NEWUSER | 0x11 })).toBe(EPERM)
    expect(verdict(f, { arch: x64, nr: 435 })).toBe(ENOSYS)
    // A thread, a fork, an unshare of something else, a read: allowed.
    expect(verdict(f, { arch: x64, nr: 56, arg0: 0x3D0F00 })).toBe(ALLOW)
    expect(verdict(f, { arch: x64, nr: 56, arg0: 0x11 })).toBe(ALLOW)
    expect(verdict(f, { arch: x64, nr: 272, arg0: 0x20000 })).toBe(ALLOW)
    expect(verdict(f, { arch: x64, nr: 0 })).toBe(ALLOW)
    expect(verdict(f, { arch: 0x40000003, nr: 310, arg0: NEWUSER })).toBe(KILL)
    expect(verdict(f, { arch: x64, nr: 0x40000000 + 272, arg0: NEWUSER })).toBe(KILL)
  })

  it('on arm64 the same with its own numbers; elsewhere none', () => {
    const f = userNamespaceFilter('arm64')!
    const arm64 = 0xC00000B7
    expect(verdict(f, { arch: arm64, nr: 97, arg0: NEWUSER })).toBe(EPERM)
    expect(verdict(f, { arch: arm64, nr: 220, arg0: NEWUSER })).toBe(EPERM)
    expect(verdict(f, { arch: arm64, nr: 220, arg0: 0x11 })).toBe(ALLOW)
    expect(verdict(f, { arch: arm64, nr: 435 })).toBe(ENOSYS)
    expect(verdict(f, { arch: 0xC000003E, nr: 0 })).toBe(KILL)
    expect(userNamespaceFilter('riscv64')).toBeNull()
  })
})
