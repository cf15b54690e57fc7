import type { LiveRunner } from './runner.ts'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BusyError, createLiveRunner, removeStaleHomes, renderedDiagnostics } from './runner.ts'

let runner: LiveRunner

beforeAll(() => {
  runner = createLiveRunner({ timeoutMs: 3000, maxOutputBytes: 4096 })
  if (typeof runner.sandbox === 'string')
    throw new TypeError(`live runs cannot be confined on this machine: ${runner.sandbox}`)
})

afterAll(async () => {
  const dir = runner.directory
  await runner.close()
  expect(existsSync(dir)).toBe(false)
})

describe('createLiveRunner', { timeout: 120_000 }, () => {
  it('compiles and runs a program, then answers it again from the cache or runs it fresh', async () => {
    const code = 'fn main() { println!("hello from {}", "main.rs"); }\n'
    const first = await runner.run(code)
    expect(first).toMatchObject({ outcome: 'ok', stdout: 'hello from main.rs\n', exitCode: 0, cached: false, stopped: null })
    const again = await runner.run(code)
    expect(again).toMatchObject({ outcome: 'ok', stdout: 'hello from main.rs\n', cached: true })
    expect(again.durationMs).toBeLessThan(50)
    const fresh = await runner.run(code, { fresh: true })
    expect(fresh).toMatchObject({ outcome: 'ok', stdout: 'hello from main.rs\n', cached: true })
    // Nothing of the runs is left but the cached binary.
    expect(readdirSync(runner.directory).filter(d => /^(?:compile|run)-/.test(d))).toEqual([])
  })

  it('reports a compile error with rustc\'s rendered message, paths relative', async () => {
    const r = await runner.run('fn main() {\n    let n: i32 = "one";\n}\n')
    expect(r.outcome).toBe('compile_error')
    expect(r.diagnostics).toMatch(/error\[E0308\]/)
    expect(r.diagnostics).toMatch(/--> .*main\.rs:2:18/)
    expect(r.diagnostics).not.toContain(runner.directory)
    expect(r.diagnostics).toContain('\u001B[')
  })

  it('reports a panic with its message and exit code 101', async () => {
    const r = await runner.run('fn main() {\n    let v: Vec<u8> = Vec::new();\n    println!("{}", v[3]);\n}\n')
    expect(r).toMatchObject({ outcome: 'panic', exitCode: 101 })
    expect(r.stderr).toMatch(/thread 'main' panicked at main\.rs:3:\d+:\nindex out of bounds/)
  })

  it('stops a program at the time limit and at the output cap', async () => {
    const loop = await runner.run('fn main() { let mut n = 0u64; loop { n = std::hint::black_box(n + 1); } }\n')
    expect(loop).toMatchObject({ outcome: 'timeout', stopped: 'time', exitCode: null })
    const spam = await runner.run('fn main() { loop { println!("spam"); } }\n')
    expect(spam).toMatchObject({ outcome: 'timeout', stopped: 'output', truncated: true })
    expect(spam.stdout.length).toBeLessThanOrEqual(4096)
  })

  it('refuses an oversized program before compiling it', async () => {
    const r = await runner.run(`fn main() {}\n${'// x\n'.repeat(20_000)}`)
    expect(r.outcome).toBe('rejected')
    expect(r.error).toMatch(/limit is 65536/)
  })

  it('refuses work beyond its queue with BusyError', async () => {
    const small = createLiveRunner({ maxRunning: 1, maxQueued: 0 })
    try {
      // Compiled once, then run again with `fresh`: the second run goes
      // straight to its slot and holds it for a second while it sleeps.
      const sleeper = 'fn main() { std::thread::sleep(std::time::Duration::from_millis(1500)); println!("1"); }\n'
      expect((await small.run(sleeper)).stdout).toBe('1\n')
      const first = small.run(sleeper, { fresh: true })
      for (let i = 0; i < 100 && small.load().active === 0; i++)
        await new Promise(resolve => setTimeout(resolve, 10))
      expect(small.load()).toEqual({ active: 1, queued: 0 })
      await expect(small.run('fn main() { println!("2"); }\n')).rejects.toBeInstanceOf(BusyError)
      expect((await first).stdout).toBe('1\n')
      expect(small.load()).toEqual({ active: 0, queued: 0 })
    }
    finally {
      await small.close()
    }
  })
})

describe('renderedDiagnostics', () => {
  it('keeps rendered text and rustc\'s plain lines, drops the rest', () => {
    const stderr = [
      JSON.stringify({ $message_type: 'diagnostic', rendered: 'error: /tmp/d/main.rs broke\n' }),
      JSON.stringify({ $message_type: 'artifact', artifact: 'x' }),
      'plain line',
    ].join('\n')
    expect(renderedDiagnostics(stderr, '/tmp/d')).toBe('error: main.rs broke\nplain line\n')
  })
})

describe('removeStaleHomes', () => {
  it('removes the directories of servers that are gone, keeps the live ones', () => {
    const root = mkdtempSync(join(tmpdir(), 'stale-'))
    mkdirSync(join(root, 'lesson-live-dead'))
    writeFileSync(join(root, 'lesson-live-dead', 'pid'), '999999999')
    mkdirSync(join(root, 'lesson-live-alive'))
    writeFileSync(join(root, 'lesson-live-alive', 'pid'), String(process.pid))
    expect(removeStaleHomes(root)).toEqual([join(root, 'lesson-live-dead')])
    expect(readdirSync(root)).toEqual(['lesson-live-alive'])
  })
})
