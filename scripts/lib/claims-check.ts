import type { DeckSet } from './decks.ts'
/**
 * What a slide's words claim: no measured quantity typed into its text or
 * notes (`core/claims.ts`), each problem at the deck's file and line.
 */
import { typedMeasureProblem } from '../../core/claims.ts'

export function claimProblems(decks: DeckSet): string[] {
  const problems: string[] = []
  for (const source of decks.files.values()) {
    for (const slide of source.slides)
      problems.push(...slide.typed.map(m => typedMeasureProblem(source.file, m)))
  }
  return problems
}
