import type { RawTraceEvent } from '../../core/snippet-data.ts'
/**
 * The multi-thread snippets of the arc, mutex and rwlock topics promise a
 * recording that does not depend on how the OS schedules their threads
 * (barriers, channels and numbered turns fix the order). One check run
 * proves it once; this runs each program 20 times in a row and requires
 * 20 identical recordings, equal to the checked-in `expected/<name>.trace`.
 */
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkBuildEnv, checkTargetDir } from '../../scripts/lib/cargo.ts'
import { traceLines } from '../../scripts/lib/compare.ts'
import { KIT_ROOT } from '../../scripts/lib/kit-copy.ts'
import { run } from '../../scripts/lib/process.ts'
import { discoverSnippets } from '../../scripts/lib/snippets.ts'

const RUNS = 20
const workspace = join(KIT_ROOT, 'snippets')
/**
 * The check's own build: built as the check builds them, the programs are
 * up to date after a check (as in `npm test`) and compiled only when not.
 */
const target = checkTargetDir(workspace)

/** Snippet id → the binary cargo builds for it (see each crate's `[[bin]]`). */
const PROGRAMS: Record<string, { pkg: string, bin: string }> = {
  'arc/join-drops-clone': { pkg: 'lesson-arc', bin: 'join-drops-clone' },
  'arc/threads-share': { pkg: 'lesson-arc', bin: 'threads-share' },
  'mutex/contention': { pkg: 'lesson-mutex', bin: 'contention' },
  'mutex/deadlock': { pkg: 'lesson-mutex', bin: 'deadlock' },
  'mutex/poison': { pkg: 'lesson-mutex', bin: 'mutex-poison' },
  'rwlock/read-write': { pkg: 'lesson-rwlock', bin: 'read-write' },
  'rwlock/poison': { pkg: 'lesson-rwlock', bin: 'rwlock-poison' },
}

let scratch: string

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'thread-recordings-'))
  const pkgs = [...new Set(Object.values(PROGRAMS).map(p => p.pkg))].flatMap(p => ['-p', p])
  const build = await run('cargo', ['build', '--quiet', '--bins', ...pkgs], {
    cwd: workspace,
    env: checkBuildEnv(workspace),
    timeoutMs: 280_000,
  })
  if (build.exitCode !== 0)
    throw new Error(`cargo build ${pkgs.join(' ')} failed:\n${build.stderr}`)
})

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true })
})

async function record(bin: string, i: number): Promise<string> {
  const path = join(scratch, `${bin}-${i}.jsonl`)
  const result = await run(join(target, 'debug', bin), [], {
    cwd: workspace,
    timeoutMs: 10_000,
    env: { ...process.env, RUST_BACKTRACE: '0', LESSON_TRACE: path },
  })
  if (result.timedOut)
    throw new Error(`${bin}: run ${i + 1} was killed after 10 s; a thread snippet must never hang`)
  if (result.exitCode !== 0)
    throw new Error(`${bin}: run ${i + 1} exited with ${result.exitCode}:\n${result.stderr}`)
  const events = (await readFile(path, 'utf8')).split('\n').filter(Boolean).map(l => JSON.parse(l) as RawTraceEvent)
  return traceLines(events)
}

describe('the list of thread snippets', () => {
  it('holds every program that spawns threads and has a checked recording', async () => {
    // A recording of measurements (`runs (output varies)`) is compared by shape only.
    const { snippets } = await discoverSnippets(KIT_ROOT)
    const threaded = snippets
      .filter(s => s.place === 'bin' && /\bthread::/.test(s.source) && existsSync(`${s.expectedBase}.trace`))
      .filter(s => !(s.expectation.kind === 'runs' && s.expectation.varies))
      .map(s => s.id)
    expect(threaded.length).toBeGreaterThan(0)
    expect(Object.keys(PROGRAMS).sort()).toEqual(threaded.sort())
  })
})

describe(`thread snippets record the same order on ${RUNS} consecutive runs`, () => {
  for (const [id, { bin }] of Object.entries(PROGRAMS)) {
    it(id, async () => {
      const [topic, name] = id.split('/') as [string, string]
      const expected = await readFile(join(workspace, topic, 'expected', `${name}.trace`), 'utf8')
      for (let i = 0; i < RUNS; i++) {
        const got = await record(bin, i)
        // The first differing line is what a person needs to find the race.
        if (got !== expected) {
          const want = expected.split('\n')
          const have = got.split('\n')
          const at = want.findIndex((line, j) => line !== have[j])
          expect.fail(`${id}: run ${i + 1} of ${RUNS} recorded a different order at line ${at + 1}:\n  expected ${want[at]}\n  got      ${have[at] ?? 'end of recording'}`)
        }
      }
    })
  }
})
