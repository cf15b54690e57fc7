/**
 * How a live-coded program is started: under a process limit, a file-size
 * limit and an address-space limit, and never as root. A program written in
 * front of a class can loop, spawn threads in a loop or print forever; these
 * limits and the runner's time limit keep the presenter's laptop usable.
 *
 * RLIMIT_NPROC does not bind root, so as root the program runs as `nobody`
 * (via `setpriv`, or `runuser`). The limit counts every process of the uid,
 * so it is set to the uid's current count plus a fixed headroom.
 */
import { Buffer } from 'node:buffer'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'

export interface SandboxOptions {
  /** Processes and threads the program may add. Default 64. */
  processHeadroom?: number
  /** Largest file the program may write. Default 16 MiB. */
  maxFileBytes?: number
  /** Address space of the program. Default 2 GiB. */
  maxAddressBytes?: number
  /** Only for tests: pretend to be this uid. */
  uid?: number
}

export interface Sandbox {
  /** The command line that starts `program` inside the limits. */
  wrap: (program: string) => { command: string, args: string[] }
  /** The uid the program runs as. */
  uid: number
  /** One line for logs and README: what the limits are. */
  description: string
}

const SEARCH = ['/usr/bin', '/bin', '/usr/sbin', '/sbin', '/usr/local/bin']

function findTool(name: string): string | null {
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
 * what a program of `uid` started and moved out of its process group. Linux only;
 * elsewhere the process-group kill is all there is.
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

/**
 * The sandbox for this machine, or a sentence saying why programs cannot be
 * run safely here (root without `setpriv` or `runuser`, say).
 */
export function createSandbox(options: SandboxOptions = {}): Sandbox | string {
  const headroom = options.processHeadroom ?? 64
  const fileBytes = options.maxFileBytes ?? 16 * 1024 * 1024
  const addressBytes = options.maxAddressBytes ?? 2 * 1024 * 1024 * 1024
  const myUid = options.uid ?? process.getuid?.() ?? -1
  const prlimit = process.platform === 'linux' ? findTool('prlimit') : null

  let drop: string[] = []
  let uid = myUid
  if (myUid === 0) {
    const nobody = lookupUser('nobody')
    if (!nobody)
      return 'running as root, and there is no `nobody` user to run programs as: RLIMIT_NPROC does not limit root'
    const setpriv = findTool('setpriv')
    const runuser = findTool('runuser')
    if (setpriv)
      drop = [setpriv, `--reuid=${nobody.uid}`, `--regid=${nobody.gid}`, '--clear-groups', '--']
    else if (runuser)
      drop = [runuser, '-u', 'nobody', '--']
    else
      return 'running as root without `setpriv` or `runuser` (util-linux): programs cannot be moved to an unprivileged user, and RLIMIT_NPROC does not limit root'
    uid = nobody.uid
  }

  const describe = `at most ${headroom} more processes for uid ${uid}, files up to ${Math.round(fileBytes / 2 ** 20)} MiB, ${Math.round(addressBytes / 2 ** 20)} MiB of address space${drop.length ? ', as nobody' : ''}`
  return {
    uid,
    description: describe,
    wrap(program) {
      // Counted at each start: other processes of the uid come and go.
      const nproc = processCount(uid) + headroom
      if (prlimit) {
        const limits = [`--nproc=${nproc}`, `--fsize=${fileBytes}`, `--as=${addressBytes}`, '--core=0']
        return { command: prlimit, args: [...limits, '--', ...drop, program] }
      }
      // No prlimit (macOS, BSD): the shell's ulimit, in KiB and 512-byte blocks.
      const script = `ulimit -u ${nproc} && ulimit -f ${Math.floor(fileBytes / 512)} && ulimit -c 0 && exec "$@"`
      const sh = ['/bin/sh', '-c', script, 'sh', program]
      return drop.length ? { command: drop[0]!, args: [...drop.slice(1), ...sh] } : { command: sh[0]!, args: sh.slice(1) }
    },
  }
}
