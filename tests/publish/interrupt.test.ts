import type { Buffer } from 'node:buffer'
/**
 * Ctrl-C during a real publish: the deck build running at that moment
 * ends with it, no staging folder is left, and the previous site is byte
 * for byte as it was. Twice: Ctrl-C in a terminal (SIGINT to the whole
 * foreground process group) and SIGINT to `npm` alone.
 */
import type { ChildProcess } from 'node:child_process'
import { spawn } from 'node:child_process'
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { KIT_ROOT } from '../../scripts/lib/kit-copy.ts'
import { SITE_MARKER } from '../../scripts/lib/publish/swap.ts'
import { processesIn } from '../processes.ts'
import { treeDigest } from './tree.ts'

let parent: string
let site: string
let child: ChildProcess | null = null

beforeEach(async () => {
  parent = await mkdtemp(join(tmpdir(), 'publish-interrupt-'))
  site = join(parent, 'site')
  await mkdir(join(site, 'rc'), { recursive: true })
  await writeFile(join(site, 'index.html'), 'the previous site')
  await writeFile(join(site, 'rc', 'index.html'), 'the previous rc deck')
  await writeFile(join(site, SITE_MARKER), 'published')
})
afterEach(async () => {
  // Whatever is left of the publish's group (none of it, when it passes).
  try {
    process.kill(-child!.pid!, 'SIGKILL')
  }
  catch {}
  await rm(parent, { recursive: true, force: true })
})

it.each([
  ['Ctrl-C in the terminal', (c: ChildProcess) => process.kill(-c.pid!, 'SIGINT')],
  ['SIGINT to npm alone', (c: ChildProcess) => process.kill(c.pid!, 'SIGINT')],
])('%s during a deck build stops the publish and leaves nothing behind', async (_name, interrupt) => {
  const before = await treeDigest(site)
  // Its own process group, as a terminal's foreground job has.
  child = spawn('npm', ['run', 'publish', '--', '--no-pdf', '--out', site], { cwd: KIT_ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
  let stderr = ''
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString()
  })
  const exited = new Promise<number | null>(resolve => child!.on('exit', code => resolve(code)))
  // What it printed last may still be in the pipe when it exits.
  const printed = new Promise(resolve => child!.stderr!.on('end', resolve))
  // Interrupt once a deck is being built into the staging folder.
  for (let waited = 0; !/build {2}\[1\/\d+\] \S+ …/.test(stderr); waited += 200) {
    if (waited > 240_000 || child.exitCode !== null)
      throw new Error(`the publish never started a deck build:\n${stderr}`)
    await sleep(200)
  }
  await sleep(3000)
  expect((await readdir(parent)).some(n => n.startsWith('.site-staging-'))).toBe(true)
  expect(processesIn(parent).some(p => p.includes('slidev build'))).toBe(true)
  interrupt(child)
  expect(await exited).toBe(130)
  await Promise.race([printed, sleep(5000)])
  expect(stderr).toContain('publish: interrupted; the previous site is unchanged')
  expect(stderr).not.toMatch(/failed after|^\s+at /m)
  // A build left running would write its staging folder again: give it time to.
  await sleep(3000)
  expect(await readdir(parent)).toEqual(['site'])
  expect(processesIn(parent)).toEqual([])
  expect(await treeDigest(site)).toEqual(before)
})
