import type { SnippetResult } from '../../core/snippet-data.ts'
import type { DeckSet } from './decks.ts'
/**
 * Recordings judged by the check: every replay component on a slide
 * (`<RcGraph snippet=…>`, `<BorrowState>`, `<LockTimeline>`, `<HeapLayout>`,
 * `<DerefChain>`, `<LifetimeScopes>`) gets its view model built from the
 * capture by the same core function the component uses. A capture the
 * component cannot draw fails here, naming the deck file, slide line and
 * snippet, instead of when the slide renders.
 */
import { REPLAY_COMPONENTS, replaySteps } from '../../core/replays.ts'

export function checkReplays(decks: DeckSet, results: readonly SnippetResult[]): string[] {
  const byId = new Map(results.map(r => [r.id, r]))
  const problems: string[] = []
  for (const source of decks.files.values()) {
    for (const use of source.slides.flatMap(s => s.components).filter(c => REPLAY_COMPONENTS.includes(c.name))) {
      const where = `${source.file}:${use.line}`
      const snippet = typeof use.props.snippet === 'string' ? use.props.snippet : null
      if (snippet === null) {
        // Hand-written events (`:trace`) and a fixed chain (`<DerefChain :steps>`) are drawn as given.
        if (!('trace' in use.bound) && !('steps' in use.bound) && !('snippet' in use.bound))
          problems.push(`${where}: <${use.name}> replays nothing: give it snippet="<topic>/<name>"${use.name === 'LifetimeScopes' ? '' : ' or :trace="[…]"'}`)
        continue
      }
      if (use.name === 'DerefChain' && 'steps' in use.bound)
        continue
      // A snippet id that names nothing is reported by the reference check.
      const result = byId.get(snippet)
      if (!result)
        continue
      try {
        replaySteps(use.name, snippet, result, { region: typeof use.props.region === 'string' ? use.props.region : null })
      }
      catch (error) {
        problems.push(`${where}: <${use.name} snippet="${snippet}"> cannot draw what the check captured: ${(error as Error).message}`)
      }
    }
  }
  return problems
}
