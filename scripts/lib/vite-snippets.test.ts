import { readFileSync } from 'node:fs'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { LESSON_MODEL_VERSION } from '../../core/lesson-model.ts'
import { findDeck, loadDecks } from './decks.ts'
import { KIT_ROOT } from './kit-copy.ts'
import { capturesFor, snippetsOfDeck } from './vite-snippets.ts'

describe('a deck\'s captures', () => {
  it('are the snippets its slides name, its quizzes and live steps included; other files get them all', async () => {
    const rc = await snippetsOfDeck(KIT_ROOT, join(KIT_ROOT, 'slides', 'rc.md'))
    const lesson = await snippetsOfDeck(KIT_ROOT, join(KIT_ROOT, 'slides', 'lesson.md'))
    expect(rc).not.toBeNull()
    expect([...rc!].every(id => id.startsWith('rc/'))).toBe(true)
    // The lesson includes the rc deck's slides, so it names all of rc's snippets.
    expect([...rc!].filter(id => !lesson!.has(id))).toEqual([])
    const deck = findDeck(await loadDecks(KIT_ROOT), 'rc')!
    const named = deck.shown.flatMap(s => s.slide.refs.map(r => r.id))
    expect(named.length).toBeGreaterThan(0)
    expect([...rc!].sort()).toEqual([...new Set(named)].sort())
    expect(await snippetsOfDeck(KIT_ROOT, join(KIT_ROOT, 'tests', 'fixtures', 'live.md'))).toBeNull()
  })

  it('keep only those snippets, and everything else in the captures', () => {
    const json = JSON.stringify({ rustc: 'rustc 1.95.0', snippets: { 'rc/a': { x: 1 }, 'box/b': { x: 2 } } })
    expect(JSON.parse(capturesFor(json, new Set(['rc/a'])))).toEqual({ rustc: 'rustc 1.95.0', snippets: { 'rc/a': { x: 1 } } })
    expect(capturesFor(json, null)).toBe(json)
  })

  it('of a topic deck are a small part of the lesson\'s', async () => {
    const file = join(KIT_ROOT, 'generated', 'snippets.json')
    const json = readFileSync(file, 'utf8')
    const rc = capturesFor(json, await snippetsOfDeck(KIT_ROOT, join(KIT_ROOT, 'slides', 'rc.md')))
    expect(rc.length).toBeLessThan(json.length / 4)
  })
})

describe('a deck build\'s snippet list', () => {
  it('comes from the lesson model, with no deck markdown read, and a stale model is refused', async () => {
    const root = await mkdtemp(join(tmpdir(), 'vite-snippets-'))
    try {
      await mkdir(join(root, 'generated'))
      const model = join(root, 'generated', 'lesson-model.json')
      // No slides/rc.md exists: only the model can answer.
      await writeFile(model, JSON.stringify({ version: LESSON_MODEL_VERSION, decks: [{ id: 'rc', snippets: ['rc/a'] }] }))
      expect(await snippetsOfDeck(root, join(root, 'slides', 'rc.md'))).toEqual(new Set(['rc/a']))
      expect(await snippetsOfDeck(root, join(root, 'slides', 'box.md'))).toBeNull()
      await writeFile(model, JSON.stringify({ version: LESSON_MODEL_VERSION + 1, decks: [] }))
      await expect(snippetsOfDeck(root, join(root, 'slides', 'rc.md'))).rejects.toThrow(`${model} is lesson model version ${LESSON_MODEL_VERSION + 1}, and this kit reads version ${LESSON_MODEL_VERSION}: run \`npm run check\``)
    }
    finally {
      await rm(root, { recursive: true, force: true })
    }
  })
})
