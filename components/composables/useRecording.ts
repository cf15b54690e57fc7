import type { ComputedRef, MaybeRefOrGetter } from 'vue'
import type { TraceEvent, TraceEventKind } from '../../core/trace.ts'
import data from 'virtual:snippets'
import { computed, toValue } from 'vue'
import { findSnippet, toolchainLabel } from '../../core/captures.ts'
import { parseTrace, requireTrace } from '../../core/trace.ts'

export interface RecordingSource {
  /** Snippet id whose recorded run drives the animation. */
  snippet?: string
  /** Or hand-written events in the recording's format, for a sketch no program backs. */
  trace?: readonly unknown[]
}

export interface Recording {
  /** The snippet id, or `hand-written`. */
  id: string
  events: TraceEvent[]
  /** Where the events came from, shown under the animation. */
  provenance: string
}

/** A validated recording, by snippet id or from hand-written events; problems are errors naming the snippet and event. */
export function useRecording(source: MaybeRefOrGetter<RecordingSource>, kinds: readonly TraceEventKind[]): ComputedRef<Recording> {
  return computed(() => {
    const { snippet, trace } = toValue(source)
    if (trace)
      return { id: snippet ?? 'hand-written', events: parseTrace(snippet ?? 'hand-written', trace), provenance: 'hand-written steps, not a recorded run' }
    if (!snippet)
      throw new Error('an animation needs snippet="<topic>/<name>" or :trace="[…]"')
    const result = findSnippet(data, snippet)
    return {
      id: snippet,
      events: requireTrace(snippet, result.trace, kinds),
      provenance: `recorded from \`${result.command}\` · ${toolchainLabel(data.rustc)}`,
    }
  })
}
