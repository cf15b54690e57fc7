import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { TOPICS } from '../../core/topics.ts'
import { loadDecks } from './decks.ts'
import { planTopic, writeTopic } from './new-topic.ts'
import { checkTopics } from './topics-check.ts'

let root: string

const deck = (title: string) => `---\ntitle: "${title}"\nbudget: 1\nminutes: 1\n---\n\n# x\n`
const lesson = (ids: readonly string[]) => [deck('Lesson'), ...ids.map(id => `---\nsrc: ./${id}.md\ntopic: ${id}\n---\n`)].join('\n')
const cargo = (ids: readonly string[]) => `[workspace]\nmembers = [\n${[...ids].sort().map(id => `    "${id}",\n`).join('')}]\n`

/** A kit with every declared topic in place: decks, crates, members, the lesson's includes. */
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
  await writeFile(join(root, 'snippets', 'Cargo.toml'), cargo([...ids, 'trace']))
  await writeFile(join(root, 'slides', 'lesson.md'), lesson(ids))
}

const check = async () => checkTopics(root, await loadDecks(root))

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'lesson-topics-'))
})
afterEach(() => rm(root, { recursive: true, force: true }))

describe('checkTopics', () => {
  it('passes when the topic list, the decks, the members and the lesson agree', async () => {
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

  it('names the topic a lesson leaves out, and the member missing from the workspace', async () => {
    const ids = TOPICS.map(t => t.id)
    await writeKit()
    await writeFile(join(root, 'slides', 'lesson.md'), lesson(ids.slice(0, -1)))
    await writeFile(join(root, 'snippets', 'Cargo.toml'), cargo([...ids.slice(1), 'trace']))
    expect(await check()).toEqual([
      `snippets/Cargo.toml:2: topic \`${ids[0]}\` (core/topics.ts:2) is not in the workspace's \`members\``,
      `slides/lesson.md:1: the lesson does not include topic \`${ids.at(-1)}\` (core/topics.ts:${ids.length + 1}): add a slide with \`src: ./${ids.at(-1)}.md\` and \`topic: ${ids.at(-1)}\``,
    ])
  })

  it('refuses a topic crate or a deck that core/topics.ts does not declare', async () => {
    await writeKit()
    await mkdir(join(root, 'snippets', 'cow'))
    await writeFile(join(root, 'snippets', 'cow', 'Cargo.toml'), '[package]\nname = "lesson-cow"\n')
    await writeFile(join(root, 'snippets', 'Cargo.toml'), cargo(['cow', ...TOPICS.map(t => t.id), 'trace']))
    await writeFile(join(root, 'slides', 'cow.md'), deck('2.2.10 Cow'))
    expect(await check()).toEqual([
      expect.stringMatching(/^slides\/cow\.md:1: slides\/cow\.md is a deck but `cow` is not a topic in core\/topics\.ts/),
      'snippets/Cargo.toml:6: member `cow` is a topic crate (`lesson-cow`) but core/topics.ts declares no topic `cow`',
    ])
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
    expect(files.map(f => f.path)).toEqual(expect.arrayContaining(['core/topics.ts', 'snippets/Cargo.toml', 'slides/lesson.md', 'slides/cow.md', 'snippets/cow/Cargo.toml', 'snippets/cow/src/bin/exercise.rs', 'snippets/cow/src/bin/exercise-solution.rs']))
    const topics = await readFile(join(root, 'core', 'topics.ts'), 'utf8')
    expect(topics).toContain(`{ id: 'cow', number: '2.2.10', title: 'Cow: it\\'s clone on write' },\n]`)
    const members = await readFile(join(root, 'snippets', 'Cargo.toml'), 'utf8')
    expect(members).toContain('    "concrete-lifetimes",\n    "cow",\n    "deref",')
    expect(await readFile(join(root, 'slides', 'lesson.md'), 'utf8')).toMatch(/src: \.\/deref\.md\ntopic: deref\n---\n\n---\nsrc: \.\/cow\.md\ntopic: cow\n---\n/)
    await expect(planTopic(root, 'cow', 'again')).rejects.toThrow('already exists')
  })
})
