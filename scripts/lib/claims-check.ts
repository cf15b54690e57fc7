/**
 * What a slide's words claim: no measured quantity typed into its text or
 * notes, and every witnessed sentence's witness passing (`core/claims.ts`),
 * each problem at the deck's file and line.
 */
import type { GeneratedData } from '../../core/snippet-data.ts'
import type { DeckSet } from './decks.ts'
import { typedMeasureProblem, witnessProblems } from '../../core/claims.ts'

export function claimProblems(decks: DeckSet): string[] {
  const problems: string[] = []
  for (const source of decks.files.values()) {
    for (const slide of source.slides)
      problems.push(...slide.typed.map(m => typedMeasureProblem(source.file, m)))
  }
  return problems
}

/** Every `(witness: …)` and `<Witness>` in the decks, held against the check's results. */
export function witnessCheck(decks: DeckSet, data: GeneratedData): string[] {
  const problems: string[] = []
  for (const source of decks.files.values())
    problems.push(...witnessProblems(source.file, source.slides.flatMap(s => s.witnesses), data))
  return problems
}
