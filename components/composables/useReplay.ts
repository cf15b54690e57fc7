import type { ComputedRef, MaybeRefOrGetter } from 'vue'
import type { TraceReplay } from '../../core/replays.ts'
import type { UseClickStepsReturn } from './useClickSteps.ts'
import type { Recording } from './useRecording.ts'
import data from 'virtual:snippets'
import { computed, toValue } from 'vue'
import { useClickSteps } from './useClickSteps.ts'
import { useRecording } from './useRecording.ts'

/** The props every replay component takes. */
export interface ReplayProps {
  /** Snippet id whose recording to replay, e.g. `rc/clone-counts`. */
  snippet?: string
  /** Or hand-written events in the recording's JSON format. */
  trace?: readonly unknown[]
  /** Click that shows the second step, as Slidev's `at`. */
  at?: string | number
}

export interface UseReplayReturn<M, S> extends UseClickStepsReturn<S> {
  /** The validated events and where they came from. */
  recording: ComputedRef<Recording>
  /** The component's view model, built by the same core function the check runs on the capture. */
  model: ComputedRef<M>
}

/**
 * A replay component's wiring: the recording by snippet id (or hand-written
 * events), the view model from `replay` (one of core/replays.ts), and the
 * slide's clicks mapped to its steps.
 */
export function useReplay<M, S>(replay: TraceReplay<M, S>, props: MaybeRefOrGetter<ReplayProps>): UseReplayReturn<M, S> {
  const recording = useRecording(() => ({ snippet: toValue(props).snippet, trace: toValue(props).trace }), replay.kinds)
  const model = computed(() => {
    const { snippet, trace } = toValue(props)
    const result = snippet && !trace ? data.snippets[snippet] ?? null : null
    return replay.build(recording.value.id, recording.value.events, result)
  })
  const clicks = useClickSteps(() => replay.steps(model.value), { at: () => toValue(props).at })
  return { recording, model, ...clicks }
}
