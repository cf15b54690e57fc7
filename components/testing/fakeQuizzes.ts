/**
 * A stand-in for `virtual:quizzes` in component tests: `models` works each
 * question out from `fakeSnippets.ts` when it is looked up, as the build
 * works them out from the check's captures. Register the questions a test
 * mounts with `fakeQuestions`.
 * Use with `vi.mock('virtual:quizzes', () => import('./testing/fakeQuizzes.ts'))`.
 */
import type { QuizModel, QuizSpec } from '../../core/quiz.ts'
import { buildQuiz, quizId } from '../../core/quiz.ts'
import data from './fakeSnippets.ts'

const specs = new Map<string, QuizSpec>()

/** Makes these questions known to `models`, as if the decks held them. */
export function fakeQuestions(...questions: QuizSpec[]): void {
  for (const q of questions)
    specs.set(quizId(q), q)
}

export const models: Record<string, QuizModel> = new Proxy({}, {
  get(_, key) {
    const spec = typeof key === 'string' ? specs.get(key) : undefined
    return spec ? buildQuiz(spec, data).model ?? undefined : undefined
  },
})

export default {} as Record<string, QuizSpec[]>
