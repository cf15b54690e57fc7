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

/** What every step view has: the sentence announced for it, and maybe its `trace::step` caption. */
export interface ReplayStep {
  announce: string
  caption?: string | null
}

export interface UseReplayOptions<S> {
  /** The line under the figure; default the step's caption, else its announcement. */
  caption?: (step: S) => string
}

/** The props of `<AnimFrame>` for the current step, all but its `label`. */
export interface ReplayFrame {
  index: number
  count: number
  caption: string
  announce: string
  provenance: string
}

export interface UseReplayReturn<M, S> extends UseClickStepsReturn<S> {
  /** The validated events and where they came from. */
  recording: ComputedRef<Recording>
  /** The component's view model, built by the same core function the check runs on the capture. */
  model: ComputedRef<M>
  /** Bind to `<AnimFrame v-bind="frame" label="…">`. */
  frame: ComputedRef<ReplayFrame>
}

/**
 * A replay component's wiring: the recording by snippet id (or hand-written
 * events), the view model from `replay` (one of core/replays.ts), and the
 * slide's clicks mapped to its steps.
 */
export function useReplay<M, S extends ReplayStep>(replay: TraceReplay<M, S>, props: MaybeRefOrGetter<ReplayProps>, options: UseReplayOptions<S> = {}): UseReplayReturn<M, S> {
  const recording = useRecording(() => ({ snippet: toValue(props).snippet, trace: toValue(props).trace }), replay.kinds)
  const model = computed(() => {
    const { snippet, trace } = toValue(props)
    const result = snippet && !trace ? data.snippets[snippet] ?? null : null
    return replay.build(recording.value.id, recording.value.events, result)
  })
  const clicks = useClickSteps(() => replay.steps(model.value), { at: () => toValue(props).at })
  const frame = computed<ReplayFrame>(() => {
    const step = clicks.current.value
    return {
      index: clicks.index.value,
      count: clicks.count.value,
      caption: options.caption ? options.caption(step) : step.caption ?? step.announce,
      announce: step.announce,
      provenance: recording.value.provenance,
    }
  })
  return { recording, model, frame, ...clicks }
}
