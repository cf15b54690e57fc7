import type { Plugin } from 'vite'
import type { QuizSpec } from '../../core/quiz.ts'
/**
 * `virtual:quizzes`: every deck's `<Quiz>` questions, read from the deck
 * model the check uses, by deck id. `<QuizAnswers>`
 * lists a topic's answers at its end from it (the printed deck asks on the
 * slide and answers at the end).
 */
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { loadDecks } from './decks.ts'
import { quizzesByDeck } from './quiz-check.ts'

const ID = 'virtual:quizzes'
const RESOLVED = `\0${ID}`

export async function readQuizzes(root: string): Promise<Record<string, QuizSpec[]>> {
  return quizzesByDeck(await loadDecks(root))
}

export function quizzesPlugin(root: string): Plugin {
  return {
    name: 'lesson:quizzes',
    resolveId: id => id === ID ? RESOLVED : undefined,
    async load(id) {
      if (id !== RESOLVED)
        return undefined
      for (const file of readdirSync(join(root, 'slides')).filter(f => f.endsWith('.md')))
        this.addWatchFile(join(root, 'slides', file))
      return `export default ${JSON.stringify(await readQuizzes(root))}`
    },
  }
}
