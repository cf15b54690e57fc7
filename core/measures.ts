/**
 * Figures a snippet measured on the machine that ran the check, read from
 * its `trace::measure` events. The values vary from run to run and machine
 * to machine: they are shown as measured, never compared. No Vue here.
 */
import type { RawTraceEvent } from './snippet-data.ts'

/** One `trace::measure(name, value, unit)` call. */
export interface Measure {
  name: string
  value: number
  unit: string
}

/** The part of a snippet's captures this module reads. */
export interface MeasuredSnippet {
  id: string
  trace: readonly RawTraceEvent[] | null
}

export class MeasureError extends Error {
  override name = 'MeasureError'
}

/** Every measure event of the snippet's last run, in order; malformed events are errors naming the event. */
export function measuresOf(snippet: MeasuredSnippet): Measure[] {
  if (!snippet.trace)
    throw new MeasureError(`snippet "${snippet.id}" recorded nothing: call \`trace::measure\` in it, then run \`npm run check\``)
  const measures: Measure[] = []
  for (const e of snippet.trace) {
    if (e.ev !== 'measure')
      continue
    const { name, value, unit } = e
    if (typeof name !== 'string' || typeof value !== 'number' || !Number.isFinite(value) || typeof unit !== 'string')
      throw new MeasureError(`snippet "${snippet.id}", event seq ${e.seq}: a measure needs a string name, a finite number value and a string unit`)
    measures.push({ name, value, unit })
  }
  if (!measures.length)
    throw new MeasureError(`snippet "${snippet.id}" has no \`trace::measure\` events`)
  return measures
}

/** The measure called `name`; a missing name is an error listing the ones there are. */
export function findMeasure(snippet: MeasuredSnippet, name: string): Measure {
  const measures = measuresOf(snippet)
  const found = measures.find(m => m.name === name)
  if (!found)
    throw new MeasureError(`snippet "${snippet.id}" measured no "${name}"; it measured: ${measures.map(m => m.name).join(', ')}`)
  return found
}

/** `of / over`, both measured in the same unit by the same run. */
export function measuredRatio(snippet: MeasuredSnippet, of: string, over: string): { of: Measure, over: Measure, ratio: number } {
  const a = findMeasure(snippet, of)
  const b = findMeasure(snippet, over)
  if (a.unit !== b.unit)
    throw new MeasureError(`snippet "${snippet.id}": "${of}" is in ${a.unit} but "${over}" is in ${b.unit}; a ratio needs one unit`)
  if (b.value === 0)
    throw new MeasureError(`snippet "${snippet.id}": "${over}" measured 0 ${b.unit}, so there is no ratio; was the run too short?`)
  return { of: a, over: b, ratio: a.value / b.value }
}

/** A figure as a slide shows it: three significant digits, thin-space thousands. */
export function formatValue(value: number, unit: string): string {
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2
  const text = value.toFixed(digits).replace(/\B(?=(\d{3})+(?!\d))/g, '\u2009')
  return unit ? `${text} ${unit}` : text
}

/** A ratio as a slide shows it: `16.8×`, or `1.05×` near 1. */
export function formatRatio(ratio: number): string {
  return `${ratio.toFixed(ratio < 2 ? 2 : 1)}×`
}
