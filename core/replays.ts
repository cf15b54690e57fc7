import type { SnippetResult } from './snippet-data.ts'
import type { TraceEvent, TraceEventKind } from './trace.ts'
/**
 * The six replay components and how each turns a snippet's capture into
 * the view model it draws. The components (through `useReplay`) and the
 * check (`scripts/lib/replays.ts`) call these same builders, so a capture a
 * component cannot draw fails the check before any slide renders.
 */
import { borrowSteps } from './borrowSteps.ts'
import { derefChainFromTrace } from './derefSteps.ts'
import { layoutSteps } from './layoutSteps.ts'
import { lifetimeScopes } from './lifetimeScopes.ts'
import { lockSteps } from './lockSteps.ts'
import { rcSteps } from './rcSteps.ts'
import { requireTrace } from './trace.ts'

/** A component that replays a recording: the events it reads, its view model, and the steps it clicks through. */
export interface TraceReplay<M, S> {
  /** Recorder events the component needs at least one of. */
  kinds: readonly TraceEventKind[]
  /** The view model from validated events; `result` is the snippet's capture (null for hand-written events). */
  build: (id: string, events: readonly TraceEvent[], result: SnippetResult | null) => M
  /** One entry per click step. */
  steps: (model: M) => readonly S[]
}

function replay<M, S>(spec: TraceReplay<M, S>): TraceReplay<M, S> {
  return spec
}

const same = <S>(model: readonly S[]): readonly S[] => model

/** The panic a snippet promises (proved by the check against the real run), drawn as the refused borrow. */
export function promisedPanic(result: SnippetResult | null): string | null {
  return result?.expectation.kind === 'panics' ? result.expectation.message ?? null : null
}

export const TRACE_REPLAYS = {
  RcGraph: replay({ kinds: ['rc', 'arc', 'weak'], build: (id, events) => rcSteps(id, events), steps: same }),
  BorrowState: replay({ kinds: ['refcell'], build: (id, events, result) => borrowSteps(id, events, promisedPanic(result)), steps: same }),
  LockTimeline: replay({ kinds: ['lock'], build: (id, events) => lockSteps(id, events), steps: model => model.columns }),
  HeapLayout: replay({ kinds: ['layout'], build: (id, events) => layoutSteps(id, events), steps: same }),
  DerefChain: replay({ kinds: ['label'], build: (id, events) => derefChainFromTrace(id, events), steps: same }),
}

export type TraceReplayName = keyof typeof TRACE_REPLAYS

/** Every replay component, the five above and `LifetimeScopes` (rustc's spans, no recording). */
export const REPLAY_COMPONENTS: readonly string[] = [...Object.keys(TRACE_REPLAYS), 'LifetimeScopes']

/**
 * How many steps component `name` shows for snippet `id`, built from its
 * capture exactly as the component builds it; throws what the component
 * would throw. `region` is `LifetimeScopes`' prop.
 */
export function replaySteps(name: string, id: string, result: SnippetResult, options: { region?: string | null } = {}): number {
  if (name === 'LifetimeScopes')
    return lifetimeScopes(id, result.source, result.diagnostics, { region: options.region ?? null }).length
  if (!(name in TRACE_REPLAYS))
    throw new Error(`${name} is not a replay component (they are: ${REPLAY_COMPONENTS.join(', ')})`)
  const spec = TRACE_REPLAYS[name as TraceReplayName] as TraceReplay<unknown, unknown>
  const steps = spec.steps(spec.build(id, requireTrace(id, result.trace, spec.kinds), result))
  if (!steps.length)
    throw new Error(`snippet "${id}": ${name} has no step to show`)
  return steps.length
}
