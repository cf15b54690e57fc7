/**
 * A check stopped midway takes its child processes with it: cargo (here
 * busy with a build script that would run for two minutes) and what it
 * started are gone within moments, whether the check is asked to stop
 * (SIGTERM, as a service manager does) or killed outright (SIGKILL).
 */
import type { ChildProcess } from 'node:child_process'
import { spawn } from 'node:child_process'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { KIT_ROOT } from '../../scripts/lib/kit-copy.ts'
import { processesIn } from '../processes.ts'

let root: string
let child: ChildProcess | null = null

async function put(path: string, text: string): Promise<void> {
  await mkdir(dirname(join(root, path)), { recursive: true })
  await writeFile(join(root, path), text)
}

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'check-interrupt-'))
  await put('snippets/Cargo.toml', '[workspace]\nresolver = "2"\nmembers = ["rc"]\n')
  await put('snippets/rc/Cargo.toml', '[package]\nname = "lesson-rc"\nversion = "0.1.0"\nedition = "2021"\npublish = false\n')
  await put('snippets/rc/build.rs', 'fn main() {\n    std::thread::sleep(std::time::Duration::from_secs(120));\n}\n')
  await put('snippets/rc/src/bin/greeting.rs', '//! expect: runs\n\nfn main() {\n    println!("hello");\n}\n')
  await put('slides/rc.md', '---\ntitle: Rc\nbudget: 10\n---\n\n# Rc\n\n<<< @/../snippets/rc/src/bin/greeting.rs rust\n')
})
afterEach(async () => {
  try {
    process.kill(-child!.pid!, 'SIGKILL')
  }
  catch {}
  for (const p of processesIn(root))
    process.kill(Number(p.split(' ')[0]), 'SIGKILL')
  await rm(root, { recursive: true, force: true })
})

it.each([
  ['SIGTERM', 143],
  ['SIGKILL', null],
] as const)('cargo ends with the check on %s', async (signal, status) => {
  // One process (no tsx launcher in between), in a group of its own.
  child = spawn(process.execPath, ['--import', 'tsx', 'scripts/check.ts', '--root', root], { cwd: KIT_ROOT, detached: true, stdio: ['ignore', 'ignore', 'pipe'] })
  let stderr = ''
  child.stderr!.on('data', (chunk: Uint8Array) => {
    stderr += String(chunk)
  })
  const exited = new Promise<number | null>(resolve => child!.on('exit', code => resolve(code)))
  // Wait for the build script to be running.
  for (let waited = 0; !processesIn(root).some(p => p.includes('build-script-build')); waited += 200) {
    if (waited > 120_000 || child.exitCode !== null)
      throw new Error(`cargo never ran the build script:\n${stderr}`)
    await sleep(200)
  }
  expect(processesIn(root).some(p => / cargo build /.test(` ${p} `) || p.includes('/cargo '))).toBe(true)
  process.kill(child.pid!, signal)
  expect(await exited).toBe(status)
  if (signal === 'SIGTERM')
    expect(stderr).toContain('check: interrupted')
  await sleep(1500)
  expect(processesIn(root)).toEqual([])
})
