/**
 * Compiles and runs one Rust program for a live-coding slide, with the local
 * toolchain: `rustc` directly (no cargo, no crates), edition 2024. The
 * compile and the run are each a job of the sandbox (`sandbox.ts`: under
 * bubblewrap, no network, uid 65534, a read-only toolchain and a private
 * size-limited /tmp), with a time limit that kills the whole job.
 *
 * Answers are cached by a hash of the code, the flags and `rustc -vV`: the
 * same code sent again is answered at once. The binary is kept too (at most
 * `cacheEntries` of them and `cacheBytes` in all), so a fresh run of the
 * same code (`fresh: true`, for output that varies from run to run) skips
 * the compile.
 */
import type { LiveResponse } from '../../../core/live-contract.ts'
import type { Sandbox, SandboxOptions } from './sandbox.ts'
import { Buffer } from 'node:buffer'
import { createHash, randomUUID } from 'node:crypto'
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { normalizeCompilerOutput, normalizeStderr, normalizeStdout } from '../normalize.ts'
import { run } from '../process.ts'
import { createLimiter } from './limiter.ts'
import { createSandbox, killMarked, sysrootOf } from './sandbox.ts'

export interface LiveRunnerOptions {
  /** Time limit of a run. Default 10 s. */
  timeoutMs?: number
  /** Time limit of a compile (a loaded laptop compiles slowly). Default 30 s. */
  compileTimeoutMs?: number
  /** Largest program accepted, in UTF-8 bytes. Default 64 KiB. */
  maxSourceBytes?: number
  /** Output kept of stdout and of stderr each; more stops the program. Default 64 KiB. */
  maxOutputBytes?: number
  /** Compiles and runs at once. Default 2. */
  maxRunning?: number
  /** Requests waiting for a slot; more are refused. Default 8. */
  maxQueued?: number
  /** Compiles kept in the cache. Default 64. */
  cacheEntries?: number
  /** Disk the cached binaries may take in all. Default 256 MiB. */
  cacheBytes?: number
  /** Told on every run when programs run unconfined (the explicit opt-out). */
  onWarning?: (warning: string) => void
  /** The compiler. Default `rustc` from PATH. */
  rustc?: string
  /** Flags after the fixed ones; see `DEFAULT_FLAGS`. */
  flags?: readonly string[]
  sandbox?: SandboxOptions
}

/**
 * rustc's own defaults, spelled out; `scripts/bench-live.ts --flags` times
 * the alternatives. `-C codegen-units=1` compiles slower; `-C prefer-dynamic`
 * links faster but the binary then needs the toolchain's libstd at run
 * time, which the unprivileged user often cannot read (`~/.rustup`).
 */
export const DEFAULT_FLAGS = ['-C', 'opt-level=0', '-C', 'debuginfo=0'] as const

export interface LiveRunner {
  /**
   * Compiles and runs `code`, or answers from the cache when the same code
   * ran before; `fresh` runs the cached binary again instead (a program
   * whose output varies). Never throws for bad code; throws `BusyError`
   * when the queue is full.
   */
  run: (code: string, options?: { fresh?: boolean }) => Promise<LiveResponse>
  /** `rustc -vV`, once known. */
  toolchain: () => Promise<string>
  /** Compiles and runs going now, and requests waiting for a slot. */
  load: () => { active: number, queued: number }
  /** How the program is confined, or why it cannot be. */
  sandbox: Sandbox | string
  /** The private temporary directory; gone after `close`. */
  directory: string
  /** Removes every temporary file. */
  close: () => Promise<void>
}

interface Compiled {
  /** The binary, or null when rustc refused the code. */
  binary: string | null
  /** Its size, counted against the cache's disk budget. */
  bytes: number
  diagnostics: string
  timedOut: boolean
  /** The last complete answer for this code, replayed unless a fresh run is asked for. */
  last?: LiveResponse
}

/** What a job starts with: its sandbox clears it further and sets its own. */
const SANDBOX_ENV = { PATH: '/usr/bin:/bin', LANG: 'C.UTF-8' }

export class BusyError extends Error {
  override name = 'BusyError'
}

export function rejected(error: string): LiveResponse {
  return { outcome: 'rejected', stdout: '', stderr: '', exitCode: null, diagnostics: '', durationMs: 0, cached: false, stopped: null, truncated: false, error }
}

/** rustc's JSON diagnostics (one per line) to the text a terminal would show. */
export function renderedDiagnostics(stderr: string, dir: string): string {
  const out: string[] = []
  for (const line of stderr.split('\n')) {
    if (!line.startsWith('{')) {
      if (line.trim())
        out.push(line)
      continue
    }
    try {
      const d = JSON.parse(line) as { $message_type?: string, rendered?: string | null }
      if (d.$message_type === 'diagnostic' && d.rendered)
        out.push(d.rendered.trimEnd())
    }
    catch {
      out.push(line)
    }
  }
  return normalizeCompilerOutput(out.join('\n'), [dir]).replace(/\n*$/, out.length ? '\n' : '')
}

/** The homes of servers that ended without cleaning up (killed by a signal, crashed). */
export function removeStaleHomes(root = tmpdir()): string[] {
  const removed: string[] = []
  for (const name of readdirSync(root).filter(n => n.startsWith('lesson-live-'))) {
    const home = join(root, name)
    try {
      const pid = Number(readFileSync(join(home, 'pid'), 'utf8'))
      try {
        process.kill(pid, 0)
        continue
      }
      catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EPERM')
          continue
      }
      rmSync(home, { recursive: true, force: true })
      removed.push(home)
    }
    catch {}
  }
  return removed
}

export function createLiveRunner(options: LiveRunnerOptions = {}): LiveRunner {
  const timeoutMs = options.timeoutMs ?? 10_000
  const compileTimeoutMs = options.compileTimeoutMs ?? 30_000
  const maxSource = options.maxSourceBytes ?? 64 * 1024
  const maxOutput = options.maxOutputBytes ?? 64 * 1024
  const rustc = options.rustc ?? 'rustc'
  const flags = ['--edition', '2024', '--crate-type', 'bin', '--crate-name', 'main', ...DEFAULT_FLAGS, ...options.flags ?? []]
  const limiter = createLimiter(options.maxRunning ?? 2, options.maxQueued ?? 8)
  const capacity = options.cacheEntries ?? 64
  const capacityBytes = options.cacheBytes ?? 256 * 2 ** 20
  const asRoot = process.getuid?.() === 0
  const sandbox = createSandbox({ ...options.rustc ? { sysroot: sysrootOf(options.rustc) } : {}, ...options.sandbox })

  // One private directory per server: compiles and runs happen inside it;
  // the unprivileged user may pass through it but not list it.
  removeStaleHomes()
  const home = mkdtempSync(join(tmpdir(), 'lesson-live-'))
  chmodSync(home, 0o711)
  // Names the owning server, so a later one can clear this up after a crash or a signal.
  writeFileSync(join(home, 'pid'), String(process.pid))
  const removeHome = () => rmSync(home, { recursive: true, force: true })
  process.once('exit', removeHome)

  const cache = new Map<string, Compiled>()
  const compiling = new Map<string, Promise<Compiled>>()
  let version: Promise<string> | null = null
  const toolchain = () => version ??= run(rustc, ['-vV'], { timeoutMs: 10_000 }).then(r => r.stdout.trim())

  const remember = (key: string, compiled: Compiled) => {
    if (compiled.timedOut)
      return
    cache.delete(key)
    cache.set(key, compiled)
    let bytes = 0
    for (const entry of cache.values())
      bytes += entry.bytes
    while (cache.size > 1 && (cache.size > capacity || bytes > capacityBytes)) {
      const [oldKey, old] = cache.entries().next().value!
      cache.delete(oldKey)
      bytes -= old.bytes
      if (old.binary)
        void rm(join(home, oldKey), { recursive: true, force: true })
    }
  }

  async function compile(key: string, code: string): Promise<Compiled> {
    if (typeof sandbox === 'string')
      throw new TypeError(sandbox)
    const dir = await mkdtemp(join(home, 'compile-'))
    const keep = join(home, key)
    try {
      await writeFile(join(dir, 'main.rs'), code)
      await rm(keep, { recursive: true, force: true })
      await mkdir(keep, { mode: 0o700 })
      // As root under bubblewrap, nobody copies the binary in: the folder is nobody's until then.
      if (asRoot && sandbox.kind === 'bubblewrap')
        chownSync(keep, sandbox.uid, sandbox.uid)
      const { command, args, inputFds } = sandbox.wrap({
        kind: 'compile',
        folder: dir,
        inputs: ['main.rs'],
        program: { rustc: true },
        // Relative paths: diagnostics and panic messages read `main.rs`, wherever the job works.
        args: [...flags, '--error-format=json', '--json=diagnostic-rendered-ansi', '-o', 'main', 'main.rs'],
        keep: { name: 'main', to: keep },
      })
      const result = await run(command, args, { cwd: dir, env: SANDBOX_ENV, timeoutMs: compileTimeoutMs, maxOutput: 1024 * 1024, stopOnOverflow: true, inputFds })
      const diagnostics = renderedDiagnostics(result.stderr, dir)
      const binary = join(keep, 'main')
      if (result.exitCode !== 0 || !existsSync(binary)) {
        await rm(keep, { recursive: true, force: true })
        return { binary: null, diagnostics, timedOut: result.timedOut, bytes: 0 }
      }
      if (asRoot) {
        chownSync(keep, 0, 0)
        chownSync(binary, 0, 0)
      }
      chmodSync(keep, 0o711)
      chmodSync(binary, 0o755)
      return { binary, diagnostics, timedOut: false, bytes: statSync(binary).size }
    }
    catch (error) {
      await rm(keep, { recursive: true, force: true })
      throw error
    }
    finally {
      await rm(dir, { recursive: true, force: true })
    }
  }

  async function execute(binary: string) {
    if (typeof sandbox === 'string')
      throw new TypeError(sandbox)
    if (sandbox.warning)
      options.onWarning?.(sandbox.warning)
    const dir = await mkdtemp(join(home, 'run-'))
    // Unconfined, the program (nobody, when the server is root) may write files beside itself; they go when the run ends.
    if (sandbox.kind === 'limits-only')
      chmodSync(dir, 0o777)
    const marker = `LESSON_LIVE_RUN=${randomUUID()}`
    const [markerName, markerValue] = marker.split('=') as [string, string]
    // Under bubblewrap the PID namespace ends every process of the run; unconfined, the marker finds them.
    const sweep = sandbox.kind === 'limits-only' ? () => killMarked(marker, sandbox.uid) : () => 0
    try {
      const { command, args, inputFds } = sandbox.wrap({ kind: 'run', folder: dir, program: { binary }, args: [], env: { [markerName]: markerValue } })
      return await run(command, args, {
        inputFds,
        cwd: dir,
        timeoutMs,
        maxOutput,
        stopOnOverflow: true,
        env: { ...SANDBOX_ENV, [markerName]: markerValue },
        afterKill: sweep,
      })
    }
    finally {
      // SIGKILL is delivered, not awaited: answer only once nothing of the run is left.
      for (let i = 0; i < 100 && sweep() > 0; i++)
        await new Promise(resolve => setTimeout(resolve, 20))
      await rm(dir, { recursive: true, force: true })
    }
  }

  async function runCode(code: string, fresh: boolean): Promise<LiveResponse> {
    const started = performance.now()
    const key = createHash('sha256').update(`${await toolchain()}\0${flags.join(' ')}\0${code}`).digest('hex').slice(0, 32)
    let compiled = cache.get(key)
    if (compiled?.last && !fresh)
      return { ...compiled.last, cached: true, durationMs: performance.now() - started }
    const cached = compiled !== undefined
    if (!compiled) {
      let pending = compiling.get(key)
      if (!pending) {
        const scheduled = limiter.schedule(() => compile(key, code))
        if (!scheduled)
          throw new BusyError(`${limiter.active} runs in progress and ${limiter.queued} waiting: try again in a moment`)
        pending = scheduled.then((c) => {
          remember(key, c)
          return c
        }).finally(() => compiling.delete(key))
        compiling.set(key, pending)
      }
      compiled = await pending
    }
    const base = { diagnostics: compiled.diagnostics, cached, truncated: false, stdout: '', stderr: '', exitCode: null }
    if (compiled.timedOut)
      return { ...base, outcome: 'timeout', stopped: 'time', durationMs: performance.now() - started }
    if (!compiled.binary)
      return compiled.last = { ...base, outcome: 'compile_error', stopped: null, durationMs: performance.now() - started }
    const binary = compiled.binary
    const scheduled = limiter.schedule(() => execute(binary))
    if (!scheduled)
      throw new BusyError(`${limiter.active} runs in progress and ${limiter.queued} waiting: try again in a moment`)
    const r = await scheduled
    const stopped = r.timedOut ? 'time' : r.overflowed ? 'output' : null
    const answer: LiveResponse = {
      ...base,
      outcome: stopped ? 'timeout' : r.exitCode === 0 ? 'ok' : 'panic',
      stdout: normalizeStdout(r.stdout),
      stderr: normalizeStderr(r.stderr),
      exitCode: r.exitCode,
      stopped,
      truncated: r.truncated,
      durationMs: performance.now() - started,
    }
    // A run stopped at a limit may have been slowed by the machine: not replayed.
    if (!stopped)
      compiled.last = answer
    return answer
  }

  return {
    sandbox,
    directory: home,
    toolchain,
    load: () => ({ active: limiter.active, queued: limiter.queued }),
    async run(code, runOptions = {}) {
      if (typeof code !== 'string')
        return rejected('`code` must be a string')
      const bytes = Buffer.byteLength(code)
      if (bytes > maxSource)
        return rejected(`the program is ${bytes} bytes; the limit is ${maxSource}`)
      if (typeof sandbox === 'string')
        return rejected(`live runs are disabled: ${sandbox}`)
      return runCode(code, runOptions.fresh === true)
    },
    async close() {
      process.off('exit', removeHome)
      removeHome()
    },
  }
}
