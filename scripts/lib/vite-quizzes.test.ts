import type { QuizSpec } from '../../core/quiz.ts'
import type { GeneratedData } from '../../core/snippet-data.ts'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { LESSON_MODEL_VERSION } from '../../core/lesson-model.ts'
import { quizId } from '../../core/quiz.ts'
import { fakeResult } from '../../core/testing/fakeResult.ts'
import { quizModels, quizzesPlugin } from './vite-quizzes.ts'

const error = fakeResult('rc/one-owner', {
  expectation: { kind: 'compile-error', codes: ['E0382'] },
  run: null,
  diagnostics: [{ level: 'error', code: 'E0382', message: 'use of moved value: `song`', rendered: 'error[E0382]: use of moved value: `song`', spans: [] }],
})
const runs = fakeResult('rc/two-owners')
const data: GeneratedData = { rustc: 'rustc 1.95.0 (test)', snippets: { [error.id]: error, [runs.id]: runs } }
const question: QuizSpec = { snippet: 'rc/one-owner', ask: 'compiles', answer: 'E0382', wrong: ['rc/two-owners'] }

describe('the quiz models a build ships', () => {
  it('works out each question once, from all the captures, by its id', () => {
    const models = quizModels({ rc: [question], lesson: [question] }, data)
    expect(Object.keys(models)).toEqual([quizId(question)])
    expect(models[quizId(question)]!.choices).toEqual(expect.arrayContaining([
      { text: 'error[E0382]: use of moved value: `song`', correct: true },
      { text: 'It compiles and runs.', correct: false },
    ]))
  })

  it('refuses a question the captures contradict, as the check does', () => {
    expect(() => quizModels({ rc: [{ ...question, answer: 'runs' }] }, data)).toThrow(/<Quiz snippet="rc\/one-owner">: answer="runs" disagrees with the check/)
  })

  it('refuses two different questions with one id', () => {
    expect(() => quizModels({ rc: [question, { ...question, wrong: ['runs'] }] }, data)).toThrow(/two different questions ask `compiles` about rc\/one-owner/)
  })
})

describe('virtual:quizzes', () => {
  /** The module's text as a build loads it from the kit at `root`. */
  function load(root: string): unknown {
    const plugin = quizzesPlugin(root)
    return (plugin.load as (this: unknown, id: string) => unknown).call({ addWatchFile() {} }, '\0virtual:quizzes')
  }

  it('ships the check\'s questions and answers from the lesson model, and refuses a missing or stale model', async () => {
    const root = await mkdtemp(join(tmpdir(), 'vite-quizzes-'))
    try {
      const file = join(root, 'generated', 'lesson-model.json')
      expect(() => load(root)).toThrow(`${file} does not exist: run \`npm run check\` first`)
      await mkdir(join(root, 'generated'))
      const model = { question: 'Does it compile?', choices: [{ text: 'yes', correct: true }], command: 'cargo build' }
      const quizzes = { [quizId(question)]: { spec: question, model, file: 'slides/rc.md', line: 9 } }
      await writeFile(file, JSON.stringify({ version: LESSON_MODEL_VERSION, quizzes, quizzesByDeck: { rc: [quizId(question)] } }))
      expect(load(root)).toBe(`export default ${JSON.stringify({ rc: [question] })}\nexport const models = ${JSON.stringify({ [quizId(question)]: model })}`)
      // The captures contradict it: the build stops at the question, as the check does.
      await writeFile(file, JSON.stringify({ version: LESSON_MODEL_VERSION, quizzes: { [quizId(question)]: { spec: question, model: null, file: 'slides/rc.md', line: 9 } }, quizzesByDeck: {} }))
      expect(() => load(root)).toThrow('slides/rc.md:9: <Quiz snippet="rc/one-owner">')
      await writeFile(file, JSON.stringify({ version: 0 }))
      expect(() => load(root)).toThrow(/is lesson model version 0, and this kit reads version \d+: run `npm run check`/)
    }
    finally {
      await rm(root, { recursive: true, force: true })
    }
  })
})
