/**
 * Runs a command and captures its output, with a time limit that kills the
 * whole process group and a cap on how much output is kept.
 *
 * Every command runs in a process group of its own, so a terminal's Ctrl-C
 * does not reach it: `stopOnInterrupt` ends every group still running when
 * the kit's command is interrupted (SIGINT, SIGTERM, SIGHUP), then cleans up.
 */
import type { ChildProcess } from 'node:child_process'
import { Buffer } from 'node:buffer'
import { spawn } from 'node:child_process'
import { constants } from 'node:os'
import { LessonError } from '../../core/errors.ts'

/** Process groups started by `run` that it has not yet ended, with a promise of each leader's exit. */
const groups = new Map<number, Promise<void>>()

/** Ends every process group `run` started that is still running, and waits (at most `waitMs`) for them to exit. */
export async function stopChildren(waitMs = 3000): Promise<void> {
  for (const pid of groups.keys()) {
    try {
      process.kill(-pid, 'SIGKILL')
    }
    catch {}
  }
  let timer: NodeJS.Timeout | undefined
  await Promise.race([
    Promise.all(groups.values()),
    new Promise((resolve) => {
      timer = setTimeout(resolve, waitMs)
    }),
  ])
  clearTimeout(timer)
}

let interruption: Promise<never> | null = null

/** Set once the command was interrupted: it settles never, the process exits once the cleanup is done. */
export function interrupted(): Promise<never> | null {
  return interruption
}

/**
 * On SIGINT, SIGTERM or SIGHUP: end every child process group, then run
 * `cleanup` (synchronously, so nothing else runs after it), print `message`
 * and exit with 128 + the signal's number. Any error the interrupted work
 * throws meanwhile is not reported (see `interrupted`). A second signal
 * during the cleanup is ignored; the cleanup waits at most a few seconds.
 */
export function stopOnInterrupt(cleanup: () => void, message: string): void {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      if (interruption)
        return
      interruption = (async () => {
        await stopChildren()
        try {
          cleanup()
        }
        finally {
          process.stderr.write(`${message}\n`)
          process.exit(128 + constants.signals[signal])
        }
      })()
    })
  }
}

export interface RunOptions {
  cwd?: string
  env?: NodeJS.ProcessEnv
  /** Kill the process group after this long. Default: no limit. */
  timeoutMs?: number
  /** Bytes kept of stdout and of stderr each; the rest is dropped. Default 4 MiB. */
  maxOutput?: number
  /** Written to stdin, which is then closed. */
  input?: string
  /** Written to pipes the command finds open as fds 3, 4, …, each then closed (e.g. a seccomp filter for bubblewrap). */
  inputFds?: readonly Uint8Array[]
  /** Called with each chunk of stdout as it arrives (for streamed JSON). */
  onStdout?: (chunk: string) => void
  /** Kill the process group as soon as either stream passes `maxOutput` (endless output). */
  stopOnOverflow?: boolean
  /**
   * Called after the group is killed (time limit, overflow, exit), to reach
   * processes that left the group. Once the command itself has exited, the
   * run ends within `graceMs` even if such a process still holds its pipes.
   */
  afterKill?: () => void
  /** See `afterKill`. Default 500 ms. */
  graceMs?: number
}

export interface RunResult {
  stdout: string
  stderr: string
  exitCode: number | null
  signal: NodeJS.Signals | null
  timedOut: boolean
  /** True when output beyond `maxOutput` was dropped. */
  truncated: boolean
  /** True when `stopOnOverflow` killed it. */
  overflowed: boolean
  durationMs: number
}

export function run(command: string, args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  const max = options.maxOutput ?? 4 * 1024 * 1024
  const started = performance.now()
  // Nothing new starts once the command is being interrupted.
  if (interruption)
    return Promise.reject(new LessonError(`\`${command}\` not started: interrupted`))
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      // Its own process group, so a timeout kills what it spawned too.
      detached: true,
      stdio: ['pipe', 'pipe', 'pipe', ...(options.inputFds ?? []).map(() => 'pipe' as const)],
    })
    const untrack = track(child)
    const out: Buffer[] = []
    const err: Buffer[] = []
    let outBytes = 0
    let errBytes = 0
    let truncated = false
    let timedOut = false
    let overflowed = false
    let settled = false
    const killGroup = () => {
      try {
        process.kill(-child.pid!, 'SIGKILL')
      }
      catch {}
      options.afterKill?.()
    }
    const timer = options.timeoutMs
      ? setTimeout(() => {
          timedOut = true
          killGroup()
        }, options.timeoutMs)
      : null
    const overflow = () => {
      truncated = true
      if (options.stopOnOverflow && !overflowed) {
        overflowed = true
        killGroup()
      }
    }
    child.stdout.on('data', (chunk: Buffer) => {
      options.onStdout?.(chunk.toString('utf8'))
      if (outBytes < max)
        out.push(chunk.subarray(0, max - outBytes))
      outBytes += chunk.length
      if (outBytes > max)
        overflow()
    })
    child.stderr.on('data', (chunk: Buffer) => {
      if (errBytes < max)
        err.push(chunk.subarray(0, max - errBytes))
      errBytes += chunk.length
      if (errBytes > max)
        overflow()
    })
    child.on('error', (error: NodeJS.ErrnoException) => {
      if (timer)
        clearTimeout(timer)
      settled = true
      untrack()
      if (error.code === 'ENOENT')
        reject(new LessonError(`\`${command}\` was not found on PATH${hint(command)}`))
      else reject(error)
    })
    const finish = (exitCode: number | null, signal: NodeJS.Signals | null) => {
      if (settled)
        return
      settled = true
      if (timer)
        clearTimeout(timer)
      // Whatever the program left running in its group goes with it.
      killGroup()
      untrack()
      resolve({
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        exitCode,
        signal,
        timedOut,
        truncated: truncated || outBytes > max || errBytes > max,
        overflowed,
        durationMs: performance.now() - started,
      })
    }
    child.on('close', finish)
    // A process that left the group may hold the pipes open after the
    // command exited: give it a moment, then stop waiting for it.
    child.on('exit', (exitCode, signal) => {
      setTimeout(() => {
        if (settled)
          return
        killGroup()
        child.stdout.destroy()
        child.stderr.destroy()
        finish(exitCode, signal)
      }, options.graceMs ?? 500).unref()
    })
    child.stdin.on('error', () => {})
    child.stdin.end(options.input ?? '')
    options.inputFds?.forEach((bytes, i) => {
      const pipe = child.stdio[3 + i] as NodeJS.WritableStream & { on: (event: 'error', listener: () => void) => void }
      pipe.on('error', () => {})
      pipe.end(bytes)
    })
  })
}

/**
 * Remembers the child's group until `run` is done with it (it kills the
 * group then): an interrupt ends the groups still here, and so does the
 * reaper if this process is killed. Returns the function that forgets it.
 */
function track(child: ChildProcess): () => void {
  const pid = child.pid
  if (pid === undefined)
    return () => {}
  tellReaper(`+${pid}`)
  groups.set(pid, new Promise((resolve) => {
    child.once('exit', () => resolve())
    child.once('error', () => resolve())
  }))
  return () => {
    if (groups.delete(pid))
      tellReaper(`-${pid}`)
  }
}

/**
 * The reaper: a shell that outlives this process only to end the process
 * groups it was told of (`+pgid`) and not told were done (`-pgid`). It reads
 * them on its stdin; when this process exits or is killed, even with
 * SIGKILL, its end of the pipe closes and the reaper kills what is left:
 * cargo, rustc and the programs of a killed check, a killed publish's
 * Slidev builds.
 */
const REAPER = `trap '' INT HUP TERM
groups=' '
while read -r line; do
  case $line in
    +*) groups="$groups\${line#+} " ;;
    -*) rest=' '; for g in $groups; do [ "$g" = "\${line#-}" ] || rest="$rest$g "; done; groups=$rest ;;
  esac
done
for g in $groups; do kill -9 "-$g" 2>/dev/null; done`

let reaper: ChildProcess | null | undefined

function tellReaper(line: string): void {
  if (reaper === undefined) {
    reaper = process.platform === 'win32'
      ? null
      : spawn('/bin/sh', ['-c', REAPER], { detached: true, stdio: ['pipe', 'ignore', 'ignore'] })
    if (reaper) {
      reaper.on('error', () => {
        reaper = null
      })
      reaper.stdin!.on('error', () => {})
      // Neither the reaper nor its pipe keeps this process alive.
      reaper.unref()
      ;(reaper.stdin as unknown as { unref: () => void }).unref()
    }
  }
  if (reaper?.stdin?.writable)
    reaper.stdin.write(`${line}\n`)
}

function hint(command: string): string {
  if (['cargo', 'rustc', 'rustfmt', 'clippy-driver'].includes(command))
    return ': install Rust with clippy and rustfmt (https://rustup.rs, then `rustup component add clippy rustfmt`)'
  return ''
}

/** Runs tasks with at most `limit` at once, keeping their order in the result. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = Array.from({ length: items.length })
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const i = next++
      results[i] = await task(items[i]!)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return results
}
