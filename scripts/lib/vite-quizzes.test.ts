import type { QuizSpec } from '../../core/quiz.ts'
import type { GeneratedData } from '../../core/snippet-data.ts'
import { describe, expect, it } from 'vitest'
import { quizId } from '../../core/quiz.ts'
import { fakeResult } from '../../core/testing/fakeResult.ts'
import { quizModels } from './vite-quizzes.ts'

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
