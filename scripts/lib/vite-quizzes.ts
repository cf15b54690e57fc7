import type { Plugin } from 'vite'
import type { LessonModel } from '../../core/lesson-model.ts'
import type { QuizModel, QuizSpec } from '../../core/quiz.ts'
import type { GeneratedData } from '../../core/snippet-data.ts'
/**
 * `virtual:quizzes`: every deck's `<Quiz>` questions, read from the lesson
 * model the check compiled (`generated/lesson-model.json`), by deck id (the
 * default export; `<QuizAnswers>` lists a topic's answers at its end from
 * it), and `models`: each question as the check worked it out from all of
 * its captures (`quizId` → model). The browser looks its questions up and
 * computes no answer; a deck carries only its own slides' captures, not
 * those its wrong choices name.
 */
import { LessonError } from '../../core/errors.ts'
import { buildQuiz, quizId } from '../../core/quiz.ts'
import { lessonModelPath, readLessonModel } from './lesson-model.ts'

const ID = 'virtual:quizzes'
const RESOLVED = `\0${ID}`

export async function readQuizzes(root: string): Promise<Record<string, QuizSpec[]>> {
  return quizzesOf(readLessonModel(root))
}

/** Each deck file's questions, by deck id (`rc`), in slide order. */
export function quizzesOf(model: LessonModel): Record<string, QuizSpec[]> {
  return Object.fromEntries(Object.entries(model.quizzesByDeck).map(([deck, ids]) => [deck, ids.map(id => model.quizzes[id]!.spec)]))
}

/** Every question's model as the check worked it out; a question the captures contradict is an error, as the check reports it. */
export function answeredQuizzes(model: LessonModel): Record<string, QuizModel> {
  const models: Record<string, QuizModel> = {}
  for (const [id, quiz] of Object.entries(model.quizzes)) {
    if (!quiz.model)
      throw new LessonError(`${quiz.file}:${quiz.line}: <Quiz snippet="${quiz.spec.snippet}">: the check's captures contradict it; run \`npm run check\``)
    models[id] = quiz.model
  }
  return models
}

/** Every question of `quizzes` built from the captures; a question they contradict is an error, as the check reports it. */
export function quizModels(quizzes: Record<string, readonly QuizSpec[]>, data: GeneratedData): Record<string, QuizModel> {
  const models: Record<string, QuizModel> = {}
  const specs = new Map<string, string>()
  for (const spec of Object.values(quizzes).flat()) {
    const key = quizId(spec)
    const written = JSON.stringify(spec)
    const seen = specs.get(key)
    if (seen === written)
      continue
    if (seen !== undefined)
      throw new LessonError(`two different questions ask \`${spec.ask}\` about ${spec.snippet}${spec.handle ? ` (handle ${spec.handle})` : ''}; a learner's answer is kept per question: ask each about a snippet of its own`)
    specs.set(key, written)
    const built = buildQuiz(spec, data)
    if (!built.model)
      throw new LessonError(`<Quiz snippet="${spec.snippet}">: ${built.problems.join('; ')}; run \`npm run check\``)
    models[key] = built.model
  }
  return models
}

export function quizzesPlugin(root: string): Plugin {
  return {
    name: 'lesson:quizzes',
    resolveId: id => id === ID ? RESOLVED : undefined,
    load(id) {
      if (id !== RESOLVED)
        return undefined
      // A deck edited in dev: watch mode runs the check, which rewrites the model.
      this.addWatchFile(lessonModelPath(root))
      const model = readLessonModel(root)
      return `export default ${JSON.stringify(quizzesOf(model))}\nexport const models = ${JSON.stringify(answeredQuizzes(model))}`
    },
  }
}
