/**
 * Where a live-coded program is compiled and run. A program written in front
 * of a class is code from a web page, so both the compile and the run are
 * confined, not only limited:
 *
 * - Linux: bubblewrap (`bwrap`). A fresh network namespace (no network, not
 *   even this machine's loopback), a fresh PID namespace (everything the job
 *   started ends with it), uid 65534, and a filesystem of `/usr` (with the
 *   `/bin`, `/lib*` links), `/etc/alternatives` and the Rust sysroot, all
 *   read-only, plus a private size-limited tmpfs at `/tmp` as the working
 *   folder: the only place the job can write, gone when it ends.
 * - macOS: `sandbox-exec` with a profile denying network and every file but
 *   the toolchain's and the job's own folder (see `macosProfile`).
 * - Neither: no sandbox. Live runs are refused, unless the presenter opts out
 *   explicitly (`npm run dev -- --unsafe-live-runs`): then only the limits
 *   below hold, and every run says so.
 *
 * Every job also runs under resource limits: processes and threads
 * (RLIMIT_NPROC, counted per uid, so set to the uid's current count plus a
 * fixed headroom), file size, address space, no core files. RLIMIT_NPROC does
 * not bind root: as root, jobs run as `nobody` (bubblewrap starts them through
 * `setpriv`, which is util-linux and always beside it on Debian).
 */
import { Buffer } from 'node:buffer'
import { execFileSync, spawnSync } from 'node:child_process'
import { closeSync, existsSync, lstatSync, mkdtempSync, openSync, readdirSync, readFileSync, readlinkSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export type SandboxKind = 'bubblewrap' | 'sandbox-exec' | 'limits-only'

/** A compile or a run, described by what it needs; `wrap` turns it into a command line. */
export interface SandboxJob {
  /** `compile` (rustc) or `run` (the program): they get different limits. */
  kind: 'compile' | 'run'
  /**
   * A host folder holding the job's input files. Under bubblewrap only the
   * named `inputs` of it are seen (read-only, in the private working folder);
   * elsewhere it is the working folder itself.
   */
  folder: string
  /** Names of files in `folder` the job reads. */
  inputs?: readonly string[]
  /** What to start: the sandbox's rustc, or a compiled program (a host path). */
  program: { rustc: true } | { binary: string }
  args: readonly string[]
  /** After the job succeeds, this file of the working folder is copied into the host folder `to`. */
  keep?: { name: string, to: string }
  env?: Record<string, string>
}

export interface Sandbox {
  kind: SandboxKind
  /** The command line that starts `job` inside the sandbox and its limits, and bytes to hand it on fds 3, 4, … */
  wrap: (job: SandboxJob) => { command: string, args: string[], inputFds?: Uint8Array[] }
  /** The uid whose processes the job's count against (RLIMIT_NPROC). */
  uid: number
  /** One line for logs: how jobs are confined. */
  description: string
  /** Said on every run when programs are not confined (the explicit opt-out). */
  warning?: string
}

export interface SandboxLimits {
  /** Processes and threads a job may add. Default 64. */
  processHeadroom: number
  /** Largest file a job may write. Default 16 MiB for a run, 64 MiB for a compile. */
  fileBytes: number
  /** Address space of each process. Default 2 GiB for a run, 4 GiB for a compile. */
  addressBytes: number
  /** All a job may write, in its private tmpfs (bubblewrap). Default 64 MiB for a run, 256 MiB for a compile. */
  scratchBytes: number
}

export const RUN_LIMITS: SandboxLimits = { processHeadroom: 64, fileBytes: 16 * 2 ** 20, addressBytes: 2 * 2 ** 30, scratchBytes: 64 * 2 ** 20 }
export const COMPILE_LIMITS: SandboxLimits = { processHeadroom: 64, fileBytes: 64 * 2 ** 20, addressBytes: 4 * 2 ** 30, scratchBytes: 256 * 2 ** 20 }

export interface SandboxOptions {
  run?: Partial<SandboxLimits>
  compile?: Partial<SandboxLimits>
  /** Run without a sandbox, under the limits only: the explicit opt-out. */
  unconfined?: boolean
  /** The Rust sysroot; default `rustc --print sysroot`. */
  sysroot?: string
  /** Only for tests: pretend to be this uid, on this platform, with these tools (name → path, or null when absent). */
  uid?: number
  platform?: NodeJS.Platform
  tools?: Record<string, string | null>
  /** Only for tests: skip the check that bubblewrap can start a job on this kernel. */
  skipProbe?: boolean
}

/** The flag that opts out of the sandbox, and the environment variable that carries it to the dev server. */
export const UNSAFE_FLAG = '--unsafe-live-runs'
export const UNSAFE_ENV = 'LESSON_UNSAFE_LIVE_RUNS'

export const BUBBLEWRAP_INSTALL = 'install bubblewrap (Debian/Ubuntu: `sudo apt-get install bubblewrap`; Fedora: `sudo dnf install bubblewrap`; Arch: `sudo pacman -S bubblewrap`)'

/** Where the sysroot and the program appear inside bubblewrap, and the private working folder. */
export const INSIDE = { sysroot: '/rust', program: '/prog/main', work: '/tmp', out: '/out' } as const

const SEARCH = ['/usr/bin', '/bin', '/usr/sbin', '/sbin', '/usr/local/bin']

function findTool(name: string, tools?: Record<string, string | null>): string | null {
  if (tools && name in tools)
    return tools[name]!
  for (const dir of SEARCH) {
    const path = join(dir, name)
    if (existsSync(path))
      return path
  }
  return null
}

/** uid and gid of `name` from /etc/passwd, or null. */
export function lookupUser(name: string, passwd = '/etc/passwd'): { uid: number, gid: number } | null {
  if (!existsSync(passwd))
    return null
  for (const line of readFileSync(passwd, 'utf8').split('\n')) {
    const [user, , uid, gid] = line.split(':')
    if (user === name && uid && gid)
      return { uid: Number(uid), gid: Number(gid) }
  }
  return null
}

/** Process ids in /proc owned by `uid` (a /proc entry belongs to the process's effective uid). */
function processesOf(uid: number): string[] {
  const found: string[] = []
  for (const entry of readdirSync('/proc')) {
    try {
      if (/^\d+$/.test(entry) && statSync(`/proc/${entry}`).uid === uid)
        found.push(entry)
    }
    catch {}
  }
  return found
}

/** How many processes (threads included, as RLIMIT_NPROC counts) `uid` has now; 0 without /proc. */
export function processCount(uid: number): number {
  if (!existsSync('/proc/self/status'))
    return 0
  let count = 0
  for (const entry of processesOf(uid)) {
    try {
      const status = readFileSync(`/proc/${entry}/status`, 'utf8')
      const real = /^Uid:\s+(\d+)/m.exec(status)
      const threads = /^Threads:\s+(\d+)/m.exec(status)
      if (real && Number(real[1]) === uid)
        count += threads ? Number(threads[1]) : 1
    }
    catch {}
  }
  return count
}

/**
 * Kills every process whose environment carries `marker` (`NAME=value`):
 * what an unconfined program of `uid` started and moved out of its process
 * group. Linux only. Under bubblewrap the PID namespace ends everything
 * instead, whatever its environment.
 */
export function killMarked(marker: string, uid: number): number {
  if (!existsSync('/proc/self/environ'))
    return 0
  const needle = Buffer.from(`\0${marker}\0`)
  let killed = 0
  for (const entry of processesOf(uid)) {
    if (Number(entry) === process.pid)
      continue
    try {
      const env = Buffer.concat([Buffer.from([0]), readFileSync(`/proc/${entry}/environ`), Buffer.from([0])])
      if (env.includes(needle)) {
        process.kill(Number(entry), 'SIGKILL')
        killed++
      }
    }
    catch {}
  }
  return killed
}

/** A POSIX shell word. */
function shellQuote(word: string): string {
  return /^[\w./=:@%+-]+$/.test(word) ? word : `'${word.replaceAll('\'', '\'\\\'\'')}'`
}

/** The job's argv, followed by a copy of the kept file when it succeeded. */
function withKeep(argv: string[], keep: { from: string, to: string } | undefined): string[] {
  if (!keep)
    return argv
  return ['/bin/sh', '-c', `"$@" && exec cp -- ${shellQuote(keep.from)} ${shellQuote(keep.to)}`, 'sh', ...argv]
}

/** `prlimit` arguments for `limits`, with the uid's current process count. */
function prlimitArgs(limits: SandboxLimits, uid: number): string[] {
  const nproc = processCount(uid) + limits.processHeadroom
  return [`--nproc=${nproc}`, `--fsize=${limits.fileBytes}`, `--as=${limits.addressBytes}`, '--core=0', '--']
}

/** The same limits with the shell's ulimit (macOS, BSD: no prlimit): KiB and 512-byte blocks. */
function ulimitArgs(limits: SandboxLimits, uid: number): string[] {
  const nproc = processCount(uid) + limits.processHeadroom
  return ['/bin/sh', '-c', `ulimit -u ${nproc} && ulimit -f ${Math.floor(limits.fileBytes / 512)} && ulimit -c 0 && exec "$@"`, 'sh']
}

/** Top-level entries that are links into /usr on a merged-/usr system, or real folders to bind. */
function toolchainRoots(): Array<{ path: string, link?: string }> {
  const roots: Array<{ path: string, link?: string }> = []
  for (const path of ['/bin', '/sbin', '/lib', '/lib32', '/lib64', '/libx32']) {
    try {
      const stat = lstatSync(path)
      roots.push(stat.isSymbolicLink() ? { path, link: readlinkSync(path) } : { path })
    }
    catch {}
  }
  return roots
}

export interface BubblewrapPlan {
  bwrap: string
  /** `setpriv`, when bubblewrap runs as root and drops to `nobody` inside. */
  setpriv: string | null
  nobody: { uid: number, gid: number }
  sysroot: string
  prlimit: string | null
  /** `--disable-userns` (bubblewrap 0.8 and later). */
  disableUserns: boolean
  /** The seccomp filter refusing user namespaces, handed to bubblewrap on fd 3; null on machines it does not know. */
  seccomp: Uint8Array | null
}

/** Syscall numbers and audit arch of the machines bubblewrap's filter knows. */
const SECCOMP_ARCHES: Record<string, { audit: number, unshare: number, clone: number, clone3: number, x32?: boolean }> = {
  x64: { audit: 0xC000003E, unshare: 272, clone: 56, clone3: 435, x32: true },
  arm64: { audit: 0xC00000B7, unshare: 97, clone: 220, clone3: 435 },
}

/**
 * A classic-BPF seccomp filter (the bytes bubblewrap's `--seccomp FD` reads)
 * that refuses new user namespaces: `unshare` and `clone` with
 * CLONE_NEWUSER fail with EPERM, `clone3` with ENOSYS (its flags are out of
 * a filter's reach; the C library then falls back to `clone`), and a
 * process of another ABI (i386, x32) is killed. Null on other machines.
 */
export function userNamespaceFilter(arch: string = process.arch): Uint8Array | null {
  const a = SECCOMP_ARCHES[arch]
  if (!a)
    return null
  const LD_ABS = 0x20
  const JEQ = 0x15
  const JGE = 0x35
  const JSET = 0x45
  const RET = 0x06
  const ALLOW = 0x7FFF0000
  const KILL = 0x80000000
  const errno = (e: number) => 0x00050000 | e
  const CLONE_NEWUSER = 0x10000000
  // Each jump names its targets by label; resolved to relative offsets below.
  interface Insn { code: number, k: number, jt?: string, jf?: string, label?: string }
  const program: Insn[] = [
    { code: LD_ABS, k: 4 },
    { code: JEQ, k: a.audit, jt: 'native', jf: 'kill' },
    { code: LD_ABS, k: 0, label: 'native' },
    ...a.x32 ? [{ code: JGE, k: 0x40000000, jt: 'kill', jf: 'next' }] : [],
    { code: JEQ, k: a.clone3, jt: 'enosys', jf: 'next' },
    { code: JEQ, k: a.unshare, jt: 'flags', jf: 'next' },
    { code: JEQ, k: a.clone, jt: 'flags', jf: 'allow' },
    { code: LD_ABS, k: 16, label: 'flags' },
    { code: JSET, k: CLONE_NEWUSER, jt: 'eperm', jf: 'allow' },
    { code: RET, k: ALLOW, label: 'allow' },
    { code: RET, k: errno(1), label: 'eperm' },
    { code: RET, k: errno(38), label: 'enosys' },
    { code: RET, k: KILL, label: 'kill' },
  ]
  const at = new Map(program.flatMap((insn, i) => insn.label ? [[insn.label, i] as const] : []))
  const bytes = new Uint8Array(program.length * 8)
  const view = new DataView(bytes.buffer)
  program.forEach((insn, i) => {
    // `next` is the following instruction; a label jumps forward by its distance.
    const offset = (target?: string) => target === undefined || target === 'next' ? 0 : at.get(target)! - i - 1
    view.setUint16(i * 8, insn.code, true)
    view.setUint8(i * 8 + 2, offset(insn.jt))
    view.setUint8(i * 8 + 3, offset(insn.jf))
    view.setUint32(i * 8 + 4, insn.k >>> 0, true)
  })
  return bytes
}

/** bubblewrap's arguments for `job` (everything after `bwrap`). */
export function bubblewrapArgs(plan: BubblewrapPlan, job: SandboxJob, limits: SandboxLimits): string[] {
  const args = ['--unshare-ipc', '--unshare-pid', '--unshare-net', '--unshare-uts', '--unshare-cgroup-try', '--die-with-parent', '--new-session']
  if (plan.setpriv) {
    // As root: no user namespace (it would map uid 65534 back to root); setpriv drops to nobody instead.
    args.push('--cap-add', 'CAP_SETUID', '--cap-add', 'CAP_SETGID')
  }
  else {
    args.push('--unshare-user', '--uid', String(plan.nobody.uid), '--gid', String(plan.nobody.gid), ...plan.disableUserns ? ['--disable-userns'] : [])
  }
  if (plan.seccomp)
    args.push('--seccomp', '3')
  args.push('--ro-bind', '/usr', '/usr')
  for (const root of toolchainRoots())
    args.push(...root.link ? ['--symlink', root.link, root.path] : ['--ro-bind', root.path, root.path])
  // `cc` and `ld` are links through /etc/alternatives on Debian; nothing else of /etc is there.
  args.push('--perms', '0755', '--dir', '/etc', '--ro-bind-try', '/etc/alternatives', '/etc/alternatives')
  args.push('--ro-bind', plan.sysroot, INSIDE.sysroot)
  args.push('--proc', '/proc', '--dev', '/dev', '--remount-ro', '/dev')
  args.push('--perms', '1777', '--size', String(limits.scratchBytes), '--tmpfs', INSIDE.work)
  for (const name of job.inputs ?? [])
    args.push('--ro-bind', join(job.folder, name), `${INSIDE.work}/${name}`)
  if ('binary' in job.program)
    args.push('--ro-bind', job.program.binary, INSIDE.program)
  if (job.keep)
    args.push('--bind', job.keep.to, INSIDE.out)
  args.push('--chdir', INSIDE.work, '--clearenv')
  for (const [name, value] of Object.entries({ PATH: '/usr/bin:/bin', LANG: 'C.UTF-8', HOME: INSIDE.work, TMPDIR: INSIDE.work, ...job.env }))
    args.push('--setenv', name, value)
  // The root itself (bubblewrap's own tmpfs) is read-only: the working folder is the only place to write.
  args.push('--remount-ro', '/', '--')
  if (plan.setpriv)
    args.push(plan.setpriv, `--reuid=${plan.nobody.uid}`, `--regid=${plan.nobody.gid}`, '--clear-groups', '--inh-caps=-all', '--')
  const program = 'rustc' in job.program ? `${INSIDE.sysroot}/bin/rustc` : INSIDE.program
  args.push(...withKeep([program, ...job.args], job.keep && { from: job.keep.name, to: `${INSIDE.out}/${job.keep.name}` }))
  return args
}

/** An SBPL string literal. */
function sbplString(value: string): string {
  return `"${value.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`
}

/**
 * The `sandbox-exec` profile for a job on macOS: the same denials as
 * bubblewrap's view where macOS can express them. Nothing is allowed unless
 * listed: no network at all (loopback included); reading only the system's
 * libraries and tools, the Command Line Tools, the Rust sysroot and the job's
 * own folder; writing only the job's folder (and the kept file's folder).
 */
export function macosProfile(paths: { sysroot: string, folder: string, keep?: string, binary?: string }): string {
  const read = ['/usr', '/bin', '/System', '/Library/Developer/CommandLineTools', '/Applications/Xcode.app/Contents/Developer', '/private/var/db/dyld', '/private/var/db/timezone', paths.sysroot, paths.folder]
  const write = [paths.folder, ...paths.keep ? [paths.keep] : []]
  const lines = [
    '(version 1)',
    '(deny default)',
    '(allow process-fork)',
    `(allow process-exec ${[...['/usr', '/bin', '/Library/Developer/CommandLineTools', '/Applications/Xcode.app/Contents/Developer', paths.sysroot].map(p => `(subpath ${sbplString(p)})`), ...paths.binary ? [`(literal ${sbplString(paths.binary)})`] : []].join(' ')})`,
    `(allow file-read* ${[...read.map(p => `(subpath ${sbplString(p)})`), ...paths.binary ? [`(literal ${sbplString(paths.binary)})`] : [], '(literal "/")', '(literal "/dev/null")', '(literal "/dev/urandom")', '(literal "/dev/random")', '(literal "/private/etc/localtime")'].join(' ')})`,
    '(allow file-read-metadata)',
    `(allow file-write* ${[...write.map(p => `(subpath ${sbplString(p)})`), '(literal "/dev/null")'].join(' ')})`,
    '(allow sysctl-read)',
    '(allow signal (target same-sandbox))',
    '(allow mach-lookup (global-name "com.apple.system.opendirectoryd.libinfo"))',
    '(deny network*)',
  ]
  return `${lines.join('\n')}\n`
}

/** The sysroot of `rustc` (the rustup proxy on PATH resolves it to the real toolchain). */
export function sysrootOf(rustc = 'rustc'): string {
  return execFileSync(rustc, ['--print', 'sysroot'], { encoding: 'utf8', timeout: 30_000 }).trim()
}

/** Starts a trivial job under bubblewrap; null when it ran, else bubblewrap's complaint. */
function probeBubblewrap(plan: BubblewrapPlan): string | null {
  const args = bubblewrapArgs(plan, { kind: 'run', folder: '/', program: { rustc: true }, args: ['--version'] }, RUN_LIMITS)
  // spawnSync writes only stdin: the filter goes through a file.
  const dir = plan.seccomp ? mkdtempSync(join(tmpdir(), 'lesson-bwrap-probe-')) : null
  let fd: number | null = null
  try {
    if (dir) {
      writeFileSync(join(dir, 'filter'), plan.seccomp!)
      fd = openSync(join(dir, 'filter'), 'r')
    }
    const result = spawnSync(plan.bwrap, args, { encoding: 'utf8', timeout: 30_000, stdio: ['ignore', 'pipe', 'pipe', ...fd === null ? [] : [fd]] })
    if (result.status === 0)
      return null
    return (result.error?.message ?? result.stderr ?? '').trim().split('\n')[0] || `exit ${result.status}`
  }
  finally {
    if (fd !== null)
      closeSync(fd)
    if (dir)
      rmSync(dir, { recursive: true, force: true })
  }
}

/**
 * The sandbox for this machine, or one line saying why programs cannot be
 * run safely here and what to install.
 */
export function createSandbox(options: SandboxOptions = {}): Sandbox | string {
  const limits = {
    run: { ...RUN_LIMITS, ...options.run },
    compile: { ...COMPILE_LIMITS, ...options.compile },
  }
  const myUid = options.uid ?? process.getuid?.() ?? -1
  const platform = options.platform ?? process.platform
  const tool = (name: string) => findTool(name, options.tools)
  const mb = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MiB`
  const limitsLine = `at most ${limits.run.processHeadroom} more processes, files up to ${mb(limits.run.fileBytes)}, ${mb(limits.run.addressBytes)} of address space`

  let sysroot: string
  try {
    sysroot = options.sysroot ?? sysrootOf()
  }
  catch (error) {
    return `\`rustc --print sysroot\` failed (${(error as Error).message.split('\n')[0]}): install Rust with rustup (https://rustup.rs)`
  }

  if (options.unconfined)
    return limitsOnly()

  if (platform === 'linux') {
    const bwrap = tool('bwrap')
    if (!bwrap)
      return `live runs need a sandbox and bubblewrap (bwrap) is not installed: ${BUBBLEWRAP_INSTALL}; or start with \`npm run dev -- ${UNSAFE_FLAG}\` to run code unconfined`
    const nobody = lookupUser('nobody') ?? { uid: 65534, gid: 65534 }
    let setpriv: string | null = null
    if (myUid === 0) {
      setpriv = tool('setpriv')
      if (!setpriv)
        return 'running as root without `setpriv` (util-linux): bubblewrap cannot drop jobs to an unprivileged user; install util-linux'
    }
    const plan: BubblewrapPlan = { bwrap, setpriv, nobody, sysroot, prlimit: tool('prlimit'), disableUserns: true, seccomp: userNamespaceFilter() }
    if (!options.skipProbe) {
      let why = probeBubblewrap(plan)
      // bubblewrap before 0.8 (Ubuntu 22.04) lacks --disable-userns: jobs may then make user namespaces of their own.
      if (why && !setpriv && /disable-userns/.test(why)) {
        plan.disableUserns = false
        why = probeBubblewrap(plan)
      }
      if (why)
        return `bubblewrap cannot start a sandbox here (${why}): unprivileged user namespaces may be disabled (sysctl kernel.unprivileged_userns_clone=1, or an AppArmor profile for bwrap on Ubuntu); or start with \`npm run dev -- ${UNSAFE_FLAG}\` to run code unconfined`
    }
    // Under setpriv, jobs are nobody's processes; in a user namespace, the presenter's.
    const uid = setpriv ? nobody.uid : myUid
    return {
      kind: 'bubblewrap',
      uid,
      description: `bubblewrap: no network, a PID namespace, uid ${nobody.uid}, read-only /usr and the Rust sysroot, a private ${mb(limits.run.scratchBytes)} /tmp (compile: ${mb(limits.compile.scratchBytes)}); ${limitsLine}`,
      wrap(job) {
        const jobLimits = limits[job.kind]
        const args = bubblewrapArgs(plan, job, jobLimits)
        const inputFds = plan.seccomp ? [plan.seccomp] : []
        if (plan.prlimit)
          return { command: plan.prlimit, args: [...prlimitArgs(jobLimits, uid), bwrap, ...args], inputFds }
        return { command: '/bin/sh', args: [...ulimitArgs(jobLimits, uid).slice(1), bwrap, ...args], inputFds }
      },
    }
  }

  if (platform === 'darwin') {
    const sandboxExec = tool('sandbox-exec')
    if (!sandboxExec)
      return `live runs need a sandbox and \`sandbox-exec\` (part of macOS) was not found in /usr/bin; or start with \`npm run dev -- ${UNSAFE_FLAG}\` to run code unconfined`
    return {
      kind: 'sandbox-exec',
      uid: myUid,
      description: `sandbox-exec: no network, reads only the system, the toolchain and the job's folder, writes only that folder; ${limitsLine}`,
      wrap(job) {
        // Profiles match real paths: macOS's temporary folders are links into /private.
        const real = (path: string) => existsSync(path) ? realpathSync(path) : path
        const profile = macosProfile({ sysroot: real(sysroot), folder: real(job.folder), keep: job.keep && real(job.keep.to), binary: 'binary' in job.program ? real(job.program.binary) : undefined })
        const program = 'rustc' in job.program ? join(sysroot, 'bin', 'rustc') : job.program.binary
        const argv = withKeep([program, ...job.args], job.keep && { from: job.keep.name, to: join(job.keep.to, job.keep.name) })
        return { command: sandboxExec, args: ['-p', profile, ...ulimitArgs(limits[job.kind], myUid), ...argv] }
      },
    }
  }

  return `live runs need a sandbox (bubblewrap on Linux, sandbox-exec on macOS) and there is none on ${platform}; start with \`npm run dev -- ${UNSAFE_FLAG}\` to run code unconfined`

  /** The explicit opt-out: limits only, as root dropped to nobody for the run. */
  function limitsOnly(): Sandbox | string {
    let drop: string[] = []
    let uid = myUid
    if (myUid === 0) {
      const nobody = lookupUser('nobody')
      const setpriv = tool('setpriv')
      const runuser = tool('runuser')
      if (!nobody)
        return 'running as root, and there is no `nobody` user to run programs as: RLIMIT_NPROC does not limit root'
      if (setpriv)
        drop = [setpriv, `--reuid=${nobody.uid}`, `--regid=${nobody.gid}`, '--clear-groups', '--']
      else if (runuser)
        drop = [runuser, '-u', 'nobody', '--']
      else
        return 'running as root without `setpriv` or `runuser` (util-linux): programs cannot be moved to an unprivileged user, and RLIMIT_NPROC does not limit root'
      uid = nobody.uid
    }
    const prlimit = platform === 'linux' ? tool('prlimit') : null
    return {
      kind: 'limits-only',
      uid,
      description: `no sandbox (${UNSAFE_FLAG}): ${limitsLine}${drop.length ? ', programs as nobody' : ''}`,
      warning: `live code runs UNCONFINED (${UNSAFE_FLAG}): it can read your files and reach the network and this dev server; only time, output, process and file-size limits hold`,
      wrap(job) {
        const jobLimits = limits[job.kind]
        // The compile runs as the presenter (rustup's toolchain may be private to them); the program as nobody when root.
        const user = job.kind === 'run' ? drop : []
        const program = 'rustc' in job.program ? join(sysroot, 'bin', 'rustc') : job.program.binary
        const argv = [...user, ...withKeep([program, ...job.args], job.keep && { from: job.keep.name, to: join(job.keep.to, job.keep.name) })]
        if (prlimit)
          return { command: prlimit, args: [...prlimitArgs(jobLimits, job.kind === 'run' ? uid : myUid), ...argv] }
        const sh = [...ulimitArgs(jobLimits, job.kind === 'run' ? uid : myUid), ...argv]
        return { command: sh[0]!, args: sh.slice(1) }
      },
    }
  }
}
