import type { Buffer } from 'node:buffer'
/**
 * The live-coding test deck (`tests/fixtures/live.md`) in Slidev's dev
 * server, on a free loopback port, as an instructor would present it.
 */
import type { ChildProcess } from 'node:child_process'
import { spawn } from 'node:child_process'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { inject } from 'vitest'
import { slidevBin } from '../../adapter/slidev/cli.ts'
import { KIT_ROOT } from '../../scripts/lib/kit-copy.ts'
import { readLessonModel } from '../../scripts/lib/lesson-model.ts'

export interface DevServer {
  /** e.g. `http://localhost:41234` */
  origin: string
  port: number
  /** The dev server's process id. */
  pid: number
  /** Everything the server printed, for failure messages. */
  log: () => string
  close: () => Promise<void>
}

export const LIVE_DECK = join(KIT_ROOT, 'tests', 'fixtures', 'live.md')

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

export interface DevServerOptions {
  /** The kit to serve (a copy, for tests that change snippets). Default: this kit. */
  root?: string
  /** The deck's entry file. Default: the live-coding test deck. */
  deck?: string
}

export async function startDevServer(timeoutMs = 120_000, options: DevServerOptions = {}): Promise<DevServer> {
  const root = options.root ?? KIT_ROOT
  const deck = options.deck ?? LIVE_DECK
  // A missing model, or one of another version, is refused naming it and saying to run the check.
  readLessonModel(root)
  const port = await freePort()
  const child: ChildProcess = spawn(slidevBin(KIT_ROOT), [deck, '--port', String(port)], {
    cwd: root,
    env: { ...process.env, BROWSER: 'none' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  let output = ''
  child.stdout!.on('data', (chunk: Buffer) => output += chunk.toString())
  child.stderr!.on('data', (chunk: Buffer) => output += chunk.toString())
  const origin = `http://localhost:${port}`
  const close = async () => {
    if (child.exitCode !== null)
      return
    const exited = new Promise(resolve => child.once('exit', resolve))
    try {
      process.kill(-child.pid!, 'SIGTERM')
    }
    catch {}
    await Promise.race([exited, new Promise(resolve => setTimeout(resolve, 5000))])
    try {
      process.kill(-child.pid!, 'SIGKILL')
    }
    catch {}
  }
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`slidev exited (${child.exitCode}) before serving ${deck}:\n${output}`)
    const ok = await fetch(`${origin}/`).then(r => r.ok, () => false)
    if (ok)
      return { origin, port, pid: child.pid!, log: () => output, close }
    await new Promise(resolve => setTimeout(resolve, 300))
  }
  await close()
  throw new Error(`slidev did not serve ${deck} within ${timeoutMs / 1000} s:\n${output}`)
}

/**
 * The dev server presenting `deck` that every test file of this `vitest run`
 * shares (`dev-servers.global.ts`): started by the first file to ask, its
 * first load and Vite's dependency optimisation done once. For tests that
 * only present the deck; a test that changes the kit or the server's
 * files starts its own (`startDevServer`). `close()` leaves it running for
 * the next file; the run stops it at its end. Outside the kit project (no
 * `devServers` provided) the file gets a server of its own.
 */
export async function sharedDevServer(deck = LIVE_DECK): Promise<DevServer> {
  const broker = inject('devServers')
  if (!broker)
    return startDevServer(180_000, { deck })
  const answer = await fetch(`${broker}?deck=${encodeURIComponent(deck)}`, { signal: AbortSignal.timeout(300_000) })
  if (!answer.ok)
    throw new Error(`no shared dev server for ${deck}: ${await answer.text()}`)
  const { origin, port, pid } = await answer.json() as { origin: string, port: number, pid: number }
  return { origin, port, pid, log: () => `(the dev server of ${deck} is shared by the run; its output is not kept per file)`, close: async () => {} }
}
