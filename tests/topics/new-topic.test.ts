import type { KitCopy } from '../../scripts/lib/kit-copy.ts'
/**
 * `npm run new-topic` on a copy of the kit (with its own core/ and
 * scripts/, so the copy's check reads the copy's topic list): the new
 * topic passes the check as created, its snippets run, and the check
 * fails at the file and line once one registration is undone.
 */
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { copyKit } from '../../scripts/lib/kit-copy.ts'
import { readLessonModel } from '../../scripts/lib/lesson-model.ts'
import { run } from '../../scripts/lib/process.ts'

let kit: KitCopy

const tsx = (script: string, ...args: string[]) => run(join(kit.root, 'node_modules', '.bin', 'tsx'), [join(kit.root, 'scripts', script), ...args], { cwd: kit.root, timeoutMs: 600_000 })

interface JsonReport { failed: number, problems: string[], snippets: { id: string, status: string, failures: string[] }[], log: string }
async function check(): Promise<JsonReport> {
  const result = await tsx('check.ts', '--json')
  return { ...JSON.parse(result.stdout) as Omit<JsonReport, 'log'>, log: result.stderr }
}

beforeAll(async () => {
  kit = await copyKit({ code: true })
})
afterAll(async () => {
  await kit?.remove()
})

describe('npm run new-topic', () => {
  it('refuses an unknown option and a taken id at once, writing nothing', async () => {
    const unknown = await tsx('new-topic.ts', 'cow', 'Cow', '--colour')
    expect(unknown.exitCode).toBe(2)
    expect(unknown.stderr).toMatch(/^new-topic: unknown option --colour/)
    const taken = await tsx('new-topic.ts', 'rc', 'Rc again')
    expect(taken.exitCode).toBe(2)
    expect(taken.stderr).toContain('topic `rc` cannot be added: slides/rc.md already exists')
    expect(await kit.read('core/topics.ts')).not.toContain('cow')
  })

  it('adds a topic that passes the check as created', async () => {
    const result = await tsx('new-topic.ts', 'cow', '`Cow<T>`: clone on write')
    expect(result.exitCode, result.stderr).toBe(0)
    expect(result.stdout).toContain('created slides/cow.md')
    const report = await check()
    expect([...report.problems, ...report.snippets.flatMap(s => s.failures.map(f => `${s.id}: ${f}`))]).toEqual([])
    expect(report.snippets.filter(s => s.id.startsWith('cow/')).map(s => [s.id, s.status]).sort()).toEqual([
      ['cow/exercise', 'passed'],
      ['cow/exercise-solution', 'passed'],
    ])
    // The check's lesson model derives the rest from the one declaration: the deck list, its time plan, the lesson's schedule.
    const model = readLessonModel(kit.root)
    expect(model.topics.at(-1)).toEqual({ id: 'cow', number: '2.2.10', title: '`Cow<T>`: clone on write' })
    expect(model.decks.map(d => d.id)).toEqual([...model.topics.map(t => t.id), 'lesson'])
    expect(model.decks.find(d => d.id === 'lesson')!.plan.topics.map(t => t.topic)).toEqual(model.topics.map(t => t.id))
    // Nothing else lists topics: the workspace takes the crate by its glob, README points at core/topics.ts.
    expect(result.stdout).not.toContain('snippets/Cargo.toml')
    expect(result.stdout).not.toContain('README.md')
  })

  it('leaves a check that fails at the line of a registration undone', async () => {
    await kit.edit('slides/lesson.md', '---\nsrc: ./cow.md\ntopic: cow\n---\n', '')
    const report = await check()
    expect(report.problems).toContainEqual(expect.stringMatching(/^slides\/lesson\.md:1: the lesson does not include topic `cow` \(core\/topics\.ts:\d+\)/))
    // The first check's build wrote the new crate into Cargo.lock: only that
    // crate's two programs are judged again, not every program of the kit.
    expect(report.log).toMatch(/check: \d+ unchanged since the last check, 2 to run/)
  })
})
