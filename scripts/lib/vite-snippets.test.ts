import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { capturesOf, LESSON_MODEL_VERSION } from '../../core/lesson-model.ts'
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

  it('keep only those snippets, and the toolchain line', () => {
    const model = { rustc: 'rustc 1.95.0', snippets: { 'rc/a': { x: 1 }, 'box/b': { x: 2 } } } as unknown as Parameters<typeof capturesOf>[0]
    expect(capturesOf(model, new Set(['rc/a']))).toEqual({ rustc: 'rustc 1.95.0', snippets: { 'rc/a': { x: 1 } } })
    expect(capturesOf(model, null)).toEqual(model)
  })

  it('of a topic deck are a small part of the lesson\'s, both read from the lesson model', async () => {
    const all = JSON.stringify(await capturesFor(KIT_ROOT, undefined))
    const rc = JSON.stringify(await capturesFor(KIT_ROOT, join(KIT_ROOT, 'slides', 'rc.md')))
    expect(rc.length).toBeLessThan(all.length / 4)
    expect(JSON.parse(rc).rustc).toMatch(/^rustc /)
  })
})

describe('a deck build\'s snippet list', () => {
  it('comes from the lesson model, with no deck markdown read, and a stale model is refused', async () => {
    const root = await mkdtemp(join(tmpdir(), 'vite-snippets-'))
    try {
      await mkdir(join(root, 'generated'))
      const model = join(root, 'generated', 'lesson-model.json')
      // No slides/rc.md exists: only the model can answer.
      await writeFile(model, JSON.stringify({ version: LESSON_MODEL_VERSION, rustc: 'rustc 1.95.0', decks: [{ id: 'rc', snippets: ['rc/a'] }], snippets: { 'rc/a': { id: 'rc/a' }, 'box/b': { id: 'box/b' } } }))
      expect(await snippetsOfDeck(root, join(root, 'slides', 'rc.md'))).toEqual(new Set(['rc/a']))
      // The captures come from the same file, cut down to the deck's.
      expect(await capturesFor(root, join(root, 'slides', 'rc.md'))).toEqual({ rustc: 'rustc 1.95.0', snippets: { 'rc/a': { id: 'rc/a' } } })
      expect(await snippetsOfDeck(root, join(root, 'slides', 'box.md'))).toBeNull()
      await writeFile(model, JSON.stringify({ version: LESSON_MODEL_VERSION + 1, decks: [] }))
      await expect(snippetsOfDeck(root, join(root, 'slides', 'rc.md'))).rejects.toThrow(`${model} is lesson model version ${LESSON_MODEL_VERSION + 1}, and this kit reads version ${LESSON_MODEL_VERSION}: run \`npm run check\``)
      await expect(capturesFor(root, undefined)).rejects.toThrow(`${model} is lesson model version ${LESSON_MODEL_VERSION + 1}`)
      await rm(model)
      await expect(capturesFor(root, undefined)).rejects.toThrow(`${model} does not exist: run \`npm run check\``)
    }
    finally {
      await rm(root, { recursive: true, force: true })
    }
  })
})
