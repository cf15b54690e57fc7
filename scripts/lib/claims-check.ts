/**
 * What a slide's words claim: no measured quantity typed into its text or
 * notes, and every witnessed sentence's witness passing (`core/claims.ts`),
 * each problem at the deck's file and line.
 */
import type { GeneratedData, SnippetResult } from '../../core/snippet-data.ts'
import type { DeckSet } from './decks.ts'
import { typedMeasureProblem, typedMeasures, witnessProblems } from '../../core/claims.ts'

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

/**
 * A replay's captions are the recorder's `trace::step` texts, shown on the
 * slide: they may not type a measured quantity either. Each problem is at
 * the `trace::step` call in the snippet.
 */
export function captionProblems(results: readonly SnippetResult[]): string[] {
  const problems: string[] = []
  for (const r of results) {
    const lines = r.source.split('\n')
    for (const e of r.trace ?? []) {
      if (e.ev !== 'step' || typeof e.caption !== 'string')
        continue
      const index = lines.findIndex(l => l.includes('trace::step') && l.includes(e.caption as string))
      for (const m of typedMeasures(e.caption, index + 1))
        problems.push(`${typedMeasureProblem(r.file, m).replace('typed into the slide', 'typed into a replay\'s caption')}`)
    }
  }
  return [...new Set(problems)]
}
