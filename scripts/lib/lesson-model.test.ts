import type { GeneratedData } from '../../core/snippet-data.ts'
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { LESSON_MODEL_VERSION, parseLessonModel, serializeLessonModel } from '../../core/lesson-model.ts'
import { quizId } from '../../core/quiz.ts'
import { fakeResult } from '../../core/testing/fakeResult.ts'
import { TOPIC_IDS } from '../../core/topics.ts'
import { findDeck, loadDecks } from './decks.ts'
import { KIT_ROOT } from './kit-copy.ts'
import { buildLessonModel, compileLessonModel, deckSetOf, readLessonModel } from './lesson-model.ts'

let root: string
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'lesson-model-'))
})
afterEach(() => rm(root, { recursive: true, force: true }))

const error = fakeResult('rc/one-owner', {
  expectation: { kind: 'compile-error', codes: ['E0382'] },
  run: null,
  diagnostics: [{ level: 'error', code: 'E0382', message: 'use of moved value: `song`', rendered: 'error[E0382]: use of moved value: `song`', spans: [] }],
})
const runs = fakeResult('rc/two-owners')
const data: GeneratedData = { rustc: 'rustc 1.95.0 (test)', snippets: { [error.id]: error, [runs.id]: runs } }

const RC = `---
title: "2.2.4 Rc"
budget: 3
minutes: 1
---

# Owners

<RunOutput snippet="rc/two-owners" />

<!--
[click] one [click] two
-->

---
minutes: 2
---

# Predict

<Quiz snippet="rc/one-owner" ask="compiles" answer="E0382" :wrong="['rc/two-owners']" />

<Learn none />
`

describe('buildLessonModel', () => {
  it('holds each deck\'s slides, the snippets they use, its questions with their answers and its time plan', async () => {
    await mkdir(join(root, 'slides'))
    await writeFile(join(root, 'slides', 'rc.md'), RC)
    const model = buildLessonModel(await loadDecks(root), data, ['slides/rc.md:3: a problem'])
    expect(model.version).toBe(LESSON_MODEL_VERSION)
    expect(model.topics.map(t => t.id)).toEqual(TOPIC_IDS)
    const rc = model.decks.find(d => d.id === 'rc')!
    expect(rc.slides.map(s => [s.title, s.minutes, s.clicks, s.notes, s.learn, s.snippets])).toEqual([
      ['2.2.4 Rc', 1, 2, true, null, ['rc/two-owners']],
      ['Predict', 2, 0, false, 'none', ['rc/one-owner']],
    ])
    expect(rc.snippets).toEqual(['rc/two-owners', 'rc/one-owner'])
    expect(rc.plan.minutes).toBe(3)
    const id = quizId({ snippet: 'rc/one-owner', ask: 'compiles' })
    expect(rc.quizzes).toEqual([id])
    expect(rc.slides[1]!.quizzes).toEqual([id])
    expect(model.quizzes[id]!.model!.choices).toContainEqual({ text: 'error[E0382]: use of moved value: `song`', correct: true })
    expect(model.problems).toEqual([{ file: 'slides/rc.md', line: 3, message: 'a problem' }])
    expect(Object.keys(model.captures)).toEqual(['rc/one-owner', 'rc/two-owners'])
    expect(model.captures['rc/one-owner']).toMatchObject({ file: error.file, promise: expect.stringContaining('E0382') })
    // A reader gets the decks back as the check loaded them, from the JSON alone.
    const again = deckSetOf(parseLessonModel(serializeLessonModel(model)))
    expect(findDeck(again, 'rc')!.shown.map(s => s.slide.title)).toEqual(['2.2.4 Rc', 'Predict'])
  })

  it('is stored with each slide\'s parse once, and read back whole', async () => {
    const model = await compileLessonModel(KIT_ROOT, { data })
    const text = serializeLessonModel(model)
    expect(parseLessonModel(text)).toEqual(model)
    // The lesson shows every topic's slides: stored by place, not copied.
    expect(text.length).toBeLessThan(JSON.stringify(model).length * 0.6)
  })

  it('keeps a question the captures contradict without an answer', async () => {
    await mkdir(join(root, 'slides'))
    await writeFile(join(root, 'slides', 'rc.md'), RC.replace('answer="E0382"', 'answer="runs"'))
    const model = buildLessonModel(await loadDecks(root), data, [])
    expect(Object.values(model.quizzes).map(q => q.model)).toEqual([null])
  })
})

describe('readLessonModel', () => {
  it('refuses a kit whose check has not run, naming the file', () => {
    expect(() => readLessonModel(root)).toThrow(`${join(root, 'generated', 'lesson-model.json')} does not exist: run \`npm run check\` first`)
  })

  it('refuses a model another version of the kit wrote', async () => {
    await mkdir(join(root, 'generated'))
    await writeFile(join(root, 'generated', 'lesson-model.json'), JSON.stringify({ version: 0 }))
    expect(() => readLessonModel(root)).toThrow(/lesson-model\.json is lesson model version 0, and this kit reads version \d+: run `npm run check`/)
  })

  it('of this kit holds every deck in slides/, as one parse of them finds it', async () => {
    const model = readLessonModel(KIT_ROOT)
    const set = await loadDecks(KIT_ROOT)
    expect(model.decks.map(d => d.id)).toEqual(set.decks.map(d => d.id))
    for (const deck of set.decks) {
      const named = new Set(deck.shown.flatMap(s => s.slide.refs.map(r => r.id)))
      expect(new Set(model.decks.find(d => d.id === deck.id)!.snippets), deck.id).toEqual(named)
    }
  })
})

describe('the one parse', () => {
  it('only the check (and the test helper beside the model) loads the decks from markdown', async () => {
    const dirs = ['scripts', 'setup', 'components', 'core']
    const files = (await Promise.all(dirs.map(async d => (await readdir(join(KIT_ROOT, d), { recursive: true })).map(f => `${d}/${f}`))))
      .flat()
      .filter(f => /\.(?:ts|vue)$/.test(f) && !f.endsWith('.test.ts'))
    const callers: string[] = []
    for (const f of files) {
      if ((await readFile(join(KIT_ROOT, f), 'utf8')).includes('loadDecks('))
        callers.push(f)
    }
    expect(callers.sort()).toEqual(['scripts/lib/check.ts', 'scripts/lib/decks.ts', 'scripts/lib/lesson-model.ts'])
  })
})
