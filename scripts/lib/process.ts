/**
 * Runs a command and captures its output, with a time limit that kills the
 * whole process group and a cap on how much output is kept.
 */
import { Buffer } from 'node:buffer'
import { spawn } from 'node:child_process'
import { LessonError } from '../../core/errors.ts'

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
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      // Its own process group, so a timeout kills what it spawned too.
      detached: true,
      stdio: ['pipe', 'pipe', 'pipe', ...(options.inputFds ?? []).map(() => 'pipe' as const)],
    })
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
