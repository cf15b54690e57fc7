import type { Plugin } from 'vite'
import type { QuizSpec } from '../../core/quiz.ts'
/**
 * `virtual:quizzes`: every deck's `<Quiz>` questions, read from the deck
 * files by the same parser the check uses, by deck id. `<QuizAnswers>`
 * lists a topic's answers at its end from it (the printed deck asks on the
 * slide and answers at the end).
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { findQuizTags, specOf } from './quiz-check.ts'

const ID = 'virtual:quizzes'
const RESOLVED = `\0${ID}`

export function readQuizzes(root: string): Record<string, QuizSpec[]> {
  const dir = join(root, 'slides')
  const out: Record<string, QuizSpec[]> = {}
  for (const file of readdirSync(dir).filter(f => f.endsWith('.md')).sort()) {
    out[file.slice(0, -3)] = findQuizTags(readFileSync(join(dir, file), 'utf8')).map(specOf).flatMap(s => typeof s === 'string' ? [] : [s])
  }
  return out
}

export function quizzesPlugin(root: string): Plugin {
  return {
    name: 'lesson:quizzes',
    resolveId: id => id === ID ? RESOLVED : undefined,
    load(id) {
      if (id !== RESOLVED)
        return undefined
      for (const file of readdirSync(join(root, 'slides')).filter(f => f.endsWith('.md')))
        this.addWatchFile(join(root, 'slides', file))
      return `export default ${JSON.stringify(readQuizzes(root))}`
    },
  }
}
