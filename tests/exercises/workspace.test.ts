/**
 * The downloads work as a learner uses them: the starter workspace unpacks
 * with the system tar and builds with `cargo build --offline`, holding no
 * solution; the solutions unpack and their tests pass offline.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
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

  it('gives starters whose `cargo run` works once the main exercise is done, stretch goal or not', async () => {
    const into = await mkdtemp(join(out, 'done-'))
    execFileSync('tar', ['-xzf', join(out, 'site', STARTERS_ARCHIVE)], { cwd: into })
    const ws = join(into, 'lesson-2.2-exercises')
    for (const e of result.exercises) {
      expect(e.solution, `${e.file}: no solution`).not.toBeNull()
      const done = mainExerciseDone(e.starter, e.solution!, e.file)
      await writeFile(join(ws, e.topic.id, 'src', 'main.rs'), done)
      const run = spawnSync('cargo', ['run', '-q', '--offline', '-p', `${e.topic.id}-exercise`], {
        cwd: ws,
        encoding: 'utf8',
        env: { ...process.env, CARGO_TARGET_DIR: join(into, 'target'), CARGO_NET_OFFLINE: 'true' },
      })
      expect(run.status, `${e.file}: with its main exercise solved and its stretch goal not, \`cargo run\` fails:\n${run.stderr}`).toBe(0)
    }
  })
})

/** `fn name … { … }` items of a Rust source: where each starts and ends (its body's closing brace included). */
function functions(source: string): { name: string, start: number, end: number }[] {
  const found: { name: string, start: number, end: number }[] = []
  for (const m of source.matchAll(/^[ \t]*(?:pub(?:\([\w:]+\))?\s+)?fn\s+(\w+)/gm)) {
    const open = source.indexOf('{', m.index)
    let depth = 0
    let i = open
    for (; i < source.length; i++) {
      const c = source[i]
      if (c === '"') {
        for (i++; i < source.length && source[i] !== '"'; i++) {
          if (source[i] === '\\')
            i++
        }
      }
      else if (c === '{') {
        depth++
      }
      else if (c === '}' && --depth === 0) {
        break
      }
    }
    found.push({ name: m[1]!, start: m.index, end: i + 1 })
  }
  return found
}

/**
 * The starter as a learner has it after the main exercise: the solution,
 * with the starter's `main` (which runs the stretch goal only when asked),
 * the starter's own helpers, and the stretch goal's functions
 * (`todo!("stretch goal…")`) as the starter gives them, unwritten. The
 * solution stands for the main exercise as a whole, since it may change
 * more than function bodies: a struct's fields, an `impl`'s lifetime.
 */
function mainExerciseDone(starter: string, solution: string, file: string): string {
  const ours = functions(starter)
  const theirs = functions(solution)
  const kept = ours.filter(f => f.name === 'main' || starter.slice(f.start, f.end).includes('todo!("stretch goal'))
  let done = solution
  const replaced = theirs
    .map(t => ({ t, f: kept.find(f => f.name === t.name) }))
    .filter((m): m is { t: typeof theirs[number], f: typeof kept[number] } => m.f !== undefined)
  for (const f of kept) {
    const same = replaced.filter(m => m.f === f)
    if (same.length !== 1)
      throw new Error(`${file}: the solution has ${same.length} functions named \`${f.name}\`; cannot tell which one the starter's stands for`)
  }
  for (const { t, f } of replaced.sort((a, b) => b.t.start - a.t.start))
    done = done.slice(0, t.start) + starter.slice(f.start, f.end) + done.slice(t.end)
  // Functions only the starter has at the top level, such as `stretch`, which its `main` calls.
  const own = ours.filter(f => !/^[ \t]/.test(starter.slice(f.start, f.end)) && !theirs.some(t => t.name === f.name))
  done += own.map(f => `\n${starter.slice(f.start, f.end)}\n`).join('')
  // Code only: a comment may well tell the learner to replace the `todo!()`s.
  const code = done.replace(/\/\/.*$/gm, '')
  expect(code, `${file}: a \`todo!\` left outside the stretch goal`).not.toMatch(/todo!\((?!"stretch goal)/)
  return done
}
