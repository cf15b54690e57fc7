import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { TOPICS } from '../../core/topics.ts'
import { loadDecks } from './decks.ts'
import { KIT_ROOT } from './kit-copy.ts'
import { planTopic, writeTopic } from './new-topic.ts'
import { run } from './process.ts'
import { checkTopics } from './topics-check.ts'

let root: string

const deck = (title: string) => `---\ntitle: "${title}"\nbudget: 1\nminutes: 1\n---\n\n# x\n`
const lesson = (ids: readonly string[]) => [deck('Lesson'), ...ids.map(id => `---\nsrc: ./${id}.md\ntopic: ${id}\n---\n`)].join('\n')
const CARGO = '[workspace]\nmembers = ["*"]\nexclude = ["target"]\n'

/** A kit with every declared topic in place: decks, crates, the lesson's includes. */
async function writeKit(ids = TOPICS.map(t => t.id)): Promise<void> {
  await mkdir(join(root, 'slides'), { recursive: true })
  await mkdir(join(root, 'core'), { recursive: true })
  await writeFile(join(root, 'core', 'topics.ts'), `export const TOPICS = [\n${TOPICS.map(t => `  { id: '${t.id}', number: '${t.number}', title: 'T' },\n`).join('')}]\n`)
  for (const t of TOPICS) {
    await writeFile(join(root, 'slides', `${t.id}.md`), deck(`${t.number} ${t.id}`))
    await mkdir(join(root, 'snippets', t.id), { recursive: true })
    await writeFile(join(root, 'snippets', t.id, 'Cargo.toml'), `[package]\nname = "lesson-${t.id}"\n`)
  }
  await mkdir(join(root, 'snippets', 'trace'), { recursive: true })
  await writeFile(join(root, 'snippets', 'trace', 'Cargo.toml'), '[package]\nname = "trace"\n')
  await writeFile(join(root, 'snippets', 'Cargo.toml'), CARGO)
  await writeFile(join(root, 'slides', 'lesson.md'), lesson(ids))
}

const check = async () => checkTopics(root, await loadDecks(root))

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'lesson-topics-'))
})
afterEach(() => rm(root, { recursive: true, force: true }))

describe('checkTopics', () => {
  it('passes when the topic list, the decks, the crates and the lesson agree', async () => {
    await writeKit()
    expect(await check()).toEqual([])
  })

  it('names the lesson line that includes a topic out of order', async () => {
    const ids = TOPICS.map(t => t.id)
    await writeKit()
    await writeFile(join(root, 'slides', 'lesson.md'), lesson([ids[1]!, ids[0]!, ...ids.slice(2)]))
    const problems = await check()
    expect(problems[0]).toBe(`slides/lesson.md:10: the lesson includes \`${ids[1]}\` where core/topics.ts puts \`${ids[0]}\` (order: ${ids.join(', ')})`)
  })

  it('names the topic a lesson leaves out, and the topic without a crate', async () => {
    const ids = TOPICS.map(t => t.id)
    await writeKit()
    await writeFile(join(root, 'slides', 'lesson.md'), lesson(ids.slice(0, -1)))
    await rm(join(root, 'snippets', ids[0]!), { recursive: true })
    expect(await check()).toEqual([
      `core/topics.ts:2: topic \`${ids[0]}\` has no crate: snippets/${ids[0]}/Cargo.toml does not exist`,
      `slides/lesson.md:1: the lesson does not include topic \`${ids.at(-1)}\` (core/topics.ts:${ids.length + 1}): add a slide with \`src: ./${ids.at(-1)}.md\` and \`topic: ${ids.at(-1)}\``,
    ])
  })

  it('refuses a topic crate or a deck that core/topics.ts does not declare', async () => {
    await writeKit()
    await mkdir(join(root, 'snippets', 'cow'))
    await writeFile(join(root, 'snippets', 'cow', 'Cargo.toml'), '[package]\nname = "lesson-cow"\n')
    await writeFile(join(root, 'slides', 'cow.md'), deck('2.2.10 Cow'))
    expect(await check()).toEqual([
      expect.stringMatching(/^slides\/cow\.md:1: slides\/cow\.md is a deck but `cow` is not a topic in core\/topics\.ts/),
      'snippets/cow/Cargo.toml:1: `lesson-cow` is a topic crate but core/topics.ts declares no topic `cow`; add topics with `npm run new-topic`',
    ])
  })

  it('names the lesson line that includes a deck that is no topic', async () => {
    const ids = TOPICS.map(t => t.id)
    await writeKit()
    const text = lesson([...ids, 'cow'])
    await writeFile(join(root, 'slides', 'lesson.md'), text)
    await writeFile(join(root, 'slides', 'cow.md'), deck('Cow'))
    const line = text.split('\n').indexOf('src: ./cow.md') + 1
    expect(await check()).toContain(`slides/lesson.md:${line}: the lesson includes slides/cow.md, which is not a topic in core/topics.ts`)
  })

  it('the kit\'s own workspace takes every topic crate without listing it', async () => {
    const metadata = await run('cargo', ['metadata', '--format-version', '1', '--no-deps', '--offline'], { cwd: join(KIT_ROOT, 'snippets') })
    expect(metadata.exitCode, metadata.stderr).toBe(0)
    const names = (JSON.parse(metadata.stdout) as { packages: { name: string }[] }).packages.map(p => p.name)
    expect(names).toEqual(expect.arrayContaining(TOPICS.map(t => `lesson-${t.id}`)))
    expect(await readFile(join(KIT_ROOT, 'snippets', 'Cargo.toml'), 'utf8')).not.toContain(`"${TOPICS[0]!.id}"`)
  })

  it('wants a topic deck titled with its number', async () => {
    await writeKit()
    const t = TOPICS[3]!
    await writeFile(join(root, 'slides', `${t.id}.md`), deck('Untitled'))
    expect(await check()).toEqual([`slides/${t.id}.md:2: the title of topic \`${t.id}\` starts with its number, \`${t.number} …\` (core/topics.ts:${4 + 1}), not "Untitled"`])
  })
})

describe('planTopic', () => {
  async function tree(): Promise<string> {
    const files = (await readdir(root, { recursive: true })).sort()
    return (await Promise.all(files.map(async f => `${f}\n${await readFile(join(root, f), 'utf8').catch(() => '')}`))).join('\n')
  }

  it('refuses a malformed id, a taken id or a missing title, writing nothing', async () => {
    await writeKit()
    const before = await tree()
    await expect(planTopic(root, 'Bad_Id', 'x')).rejects.toThrow('`Bad_Id` is not a topic id')
    await expect(planTopic(root, 'a--b', 'x')).rejects.toThrow('is not a topic id')
    await expect(planTopic(root, TOPICS[0]!.id, 'x')).rejects.toThrow(`slides/${TOPICS[0]!.id}.md already exists`)
    await expect(planTopic(root, 'lesson', 'x')).rejects.toThrow('whole lesson')
    await expect(planTopic(root, 'cow', ' ')).rejects.toThrow('the title is one line')
    expect(await tree()).toBe(before)
  })

  it('registers the topic everywhere the check looks', async () => {
    await writeKit()
    const files = await planTopic(root, 'cow', 'Cow: it\'s clone on write')
    await writeTopic(root, files)
    expect(files.map(f => f.path).sort()).toEqual(['core/topics.ts', 'slides/cow.md', 'slides/lesson.md', 'snippets/cow/Cargo.toml', 'snippets/cow/src/bin/exercise-solution.rs', 'snippets/cow/src/bin/exercise.rs'])
    const topics = await readFile(join(root, 'core', 'topics.ts'), 'utf8')
    expect(topics).toContain(`{ id: 'cow', number: '2.2.10', title: 'Cow: it\\'s clone on write' },\n]`)
    // The workspace takes the new crate by its glob, unchanged; the check finds every registration.
    expect(await readFile(join(root, 'snippets', 'Cargo.toml'), 'utf8')).toBe(CARGO)
    expect(await readFile(join(root, 'slides', 'lesson.md'), 'utf8')).toMatch(/src: \.\/deref\.md\ntopic: deref\n---\n\n---\nsrc: \.\/cow\.md\ntopic: cow\n---\n/)
    await expect(planTopic(root, 'cow', 'again')).rejects.toThrow('already exists')
  })
})
