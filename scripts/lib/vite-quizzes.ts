import type { Plugin } from 'vite'
import type { QuizModel, QuizSpec } from '../../core/quiz.ts'
import type { GeneratedData } from '../../core/snippet-data.ts'
/**
 * `virtual:quizzes`: every deck's `<Quiz>` questions, read from the deck
 * model the check uses, by deck id (the default export; `<QuizAnswers>`
 * lists a topic's answers at its end from it), and `models`: each
 * question worked out here, at build time, from all of the check's
 * captures (`quizId` → model). The browser looks its questions up and
 * computes no answer; a deck carries only its own slides' captures, not
 * those its wrong choices name.
 */
import { existsSync, readdirSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { LessonError } from '../../core/errors.ts'
import { buildQuiz, quizId } from '../../core/quiz.ts'
import { loadDecks } from './decks.ts'
import { quizzesByDeck } from './quiz-check.ts'

const ID = 'virtual:quizzes'
const RESOLVED = `\0${ID}`

export async function readQuizzes(root: string): Promise<Record<string, QuizSpec[]>> {
  return quizzesByDeck(await loadDecks(root))
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
  const generated = join(root, 'generated', 'snippets.json')
  return {
    name: 'lesson:quizzes',
    resolveId: id => id === ID ? RESOLVED : undefined,
    async load(id) {
      if (id !== RESOLVED)
        return undefined
      for (const file of readdirSync(join(root, 'slides')).filter(f => f.endsWith('.md')))
        this.addWatchFile(join(root, 'slides', file))
      this.addWatchFile(generated)
      if (!existsSync(generated))
        throw new LessonError('generated/snippets.json does not exist: run `npm run check` first')
      const quizzes = await readQuizzes(root)
      const data = JSON.parse(await readFile(generated, 'utf8')) as GeneratedData
      return `export default ${JSON.stringify(quizzes)}\nexport const models = ${JSON.stringify(quizModels(quizzes, data))}`
    },
  }
}
