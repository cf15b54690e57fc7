/**
 * `HeapLayout`'s view model: for each type the run measured, its size on
 * the stack and the bytes it owns on the heap, as `size_of`/`size_of_val`
 * reported them on this compiler. No Vue here.
 */
import type { LayoutEvent, TraceEvent } from './trace.ts'
import { splitSteps, TraceError } from './trace.ts'

export interface LayoutRow {
  /** The type as the snippet named it, e.g. `Box<dyn Shape>`. */
  type: string
  /** `size_of` in bytes: what sits on the stack (or inline in a parent). */
  size: number
  align: number
  /** Bytes it owns on the heap (0: none). */
  heap: number
  /** A `trace::label` recorded right after it, e.g. `pointer + length`. */
  note: string | null
  /** The step that shows it first. */
  step: number
}

export interface LayoutStepView {
  caption: string | null
  labels: string[]
  /** Every row of the run (space is reserved), with whether it shows yet. */
  rows: (LayoutRow & { visible: boolean, current: boolean })[]
  /** The largest size or heap figure of the run, for one scale across steps. */
  scale: number
  announce: string
}

const isLayout = (e: TraceEvent): e is LayoutEvent => e.ev === 'layout'

export function layoutSteps(snippetId: string, events: readonly TraceEvent[]): LayoutStepView[] {
  const steps = splitSteps(events, isLayout)
  if (!events.some(isLayout))
    throw new TraceError(`snippet "${snippetId}": HeapLayout needs \`trace::layout\` events; the recording has none`)
  const stepOf = new Map<number, number>()
  steps.forEach((s, i) => s.events.forEach(e => stepOf.set(e.seq, i)))

  // A label right after a layout event (before the next step or layout) describes it.
  const rows: LayoutRow[] = []
  const notes = new Set<string>()
  let last: LayoutRow | null = null
  for (const e of events) {
    if (e.ev === 'layout') {
      last = { type: e.type, size: e.size, align: e.align, heap: e.heap, note: null, step: stepOf.get(e.seq) ?? 0 }
      rows.push(last)
    }
    else if (e.ev === 'step') {
      last = null
    }
    else if (e.ev === 'label' && last && last.note === null) {
      last.note = e.text
      notes.add(`${last.step}\0${e.text}`)
    }
  }
  const scale = Math.max(1, ...rows.map(r => Math.max(r.size, r.heap)))
  return steps.map((step, i) => {
    const shown = rows.filter(r => r.step === i)
    return {
      caption: step.caption,
      // Labels already drawn as a row's note are not repeated under the figure.
      labels: step.labels.filter(l => !notes.has(`${i}\0${l}`)),
      rows: rows.map(r => ({ ...r, visible: r.step <= i, current: r.step === i })),
      scale,
      announce: [step.caption, ...shown.map(r => `${r.type}: ${r.size} bytes on the stack${r.heap ? `, ${r.heap} on the heap` : ''}${r.note ? ` (${r.note})` : ''}`)].filter(Boolean).join('. '),
    }
  })
}
