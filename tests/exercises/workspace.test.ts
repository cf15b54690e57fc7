/**
 * The downloads work as a learner uses them: the starter workspace unpacks
 * with the system tar and builds with `cargo build --offline`, holding no
 * solution; the solutions unpack and their tests pass offline.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SOLUTIONS_ARCHIVE, STARTERS_ARCHIVE, writeExercises } from '../../scripts/lib/exercises.ts'

const root = fileURLToPath(new URL('../..', import.meta.url))
let out: string
let result: Awaited<ReturnType<typeof writeExercises>>

beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), 'lesson-exercises-'))
  result = await writeExercises(root, join(out, 'site'))
})
afterAll(() => rm(out, { recursive: true, force: true }))

// A target dir of its own, and no network: what a learner offline has.
function cargo(args: string[], cwd: string) {
  return execFileSync('cargo', args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, CARGO_TARGET_DIR: join(out, 'target'), CARGO_NET_OFFLINE: 'true' },
  })
}

describe('exercise downloads', () => {
  it('lists every starter on the page', async () => {
    const page = await readFile(join(out, 'site', 'index.html'), 'utf8')
    expect(result.exercises.length).toBeGreaterThan(0)
    for (const e of result.exercises) {
      expect(page).toContain(`id="ex-${e.topic.id}"`)
      expect(existsSync(join(out, 'site', e.topic.id, 'starter.rs'))).toBe(true)
    }
  })

  it('gives a starter workspace that builds offline and holds no solution', async () => {
    execFileSync('tar', ['-xzf', join(out, 'site', STARTERS_ARCHIVE)], { cwd: out })
    const ws = join(out, 'lesson-2.2-exercises')
    const crates = (await readdir(ws)).filter(n => existsSync(join(ws, n, 'Cargo.toml'))).sort()
    expect(crates.filter(c => c !== 'trace')).toEqual(result.exercises.map(e => e.topic.id).sort())
    for (const e of result.exercises) {
      const main = await readFile(join(ws, e.topic.id, 'src', 'main.rs'), 'utf8')
      expect(main).toBe(e.starter)
      expect(main).not.toMatch(/support: exercise solution|\/\/! expect:/)
    }
    cargo(['build', '--offline', '--workspace'], ws)
  })

  it('gives solutions whose tests pass offline', () => {
    execFileSync('tar', ['-xzf', join(out, 'site', SOLUTIONS_ARCHIVE)], { cwd: out })
    const output = cargo(['test', '--offline', '--workspace'], join(out, 'lesson-2.2-solutions'))
    expect(output).toMatch(/test result: ok/)
  })
  it('gives starters whose tests fail with "not yet implemented" under the commands the slides give', async () => {
    const into = await mkdtemp(join(out, 'starters-'))
    execFileSync('tar', ['-xzf', join(out, 'site', STARTERS_ARCHIVE)], { cwd: into })
    const ws = join(into, 'lesson-2.2-exercises')
    // Every `cargo test|run -p <package>` a slide gives names a package of the workspace.
    const packages = result.exercises.map(e => `${e.topic.id}-exercise`)
    const slides = join(root, 'slides')
    for (const file of (await readdir(slides)).filter(f => f.endsWith('.md'))) {
      for (const [, name] of (await readFile(join(slides, file), 'utf8')).matchAll(/cargo (?:test|run) -p ([\w<>-]+)/g)) {
        if (!name!.includes('<'))
          expect(packages, `slides/${file}: cargo … -p ${name}`).toContain(name)
      }
    }
    for (const name of packages) {
      const run = spawnSync('cargo', ['test', '--offline', '-p', name], {
        cwd: ws,
        encoding: 'utf8',
        // Its own target dir: the solutions' crates have the same package names.
        env: { ...process.env, CARGO_TARGET_DIR: join(into, 'target'), CARGO_NET_OFFLINE: 'true' },
      })
      expect(run.status, `${name}: ${run.stderr}`).not.toBe(0)
      expect(run.stdout, name).toContain('not yet implemented')
      expect(run.stdout, name).toMatch(/[1-9]\d* ignored/) // the stretch goal
    }
  })
})
