/**
 * `DerefChain`'s view model: the types a deref coercion walks through,
 * e.g. `&Box<String>` → `&String` → `&str`, one more per step. No Vue here.
 */
import type { TraceEvent } from './trace.ts'
import { TraceError } from './trace.ts'

export interface DerefStepView {
  /** Every type of the chain; those after `index` are hidden but keep their place. */
  chain: string[]
  /** The last type shown. */
  index: number
  /** What this step did, e.g. "&Box<String> → &String: Box<String>: Deref<Target = String>". */
  announce: string
}

/** The deref a step performs between two reference types, read from their text. */
export function derefNote(from: string, to: string): string {
  const inner = from.replace(/^&(?:mut\s+)?/, '')
  const target = to.replace(/^&(?:mut\s+)?/, '')
  return `${from} → ${to}: ${inner} derefs to ${target}`
}

/** Steps from a list of types (at least two). */
export function derefSteps(where: string, types: readonly string[]): DerefStepView[] {
  const chain = types.map(t => t.trim())
  if (chain.length < 2)
    throw new TraceError(`${where}: a deref chain needs at least two types, got ${JSON.stringify(types)}`)
  const blank = chain.findIndex(t => t === '')
  if (blank >= 0)
    throw new TraceError(`${where}: type ${blank + 1} of the deref chain is empty`)
  return chain.map((t, i) => ({
    chain,
    index: i,
    announce: i === 0 ? `start from ${t}` : derefNote(chain[i - 1]!, t),
  }))
}

/** The chain a snippet recorded with `trace::label`, one label per type. */
export function derefChainFromTrace(snippetId: string, events: readonly TraceEvent[]): DerefStepView[] {
  const labels = events.flatMap(e => (e.ev === 'label' ? [e.text] : []))
  if (!labels.length)
    throw new TraceError(`snippet "${snippetId}": DerefChain needs \`trace::label\` events naming each type of the chain; the recording has none`)
  return derefSteps(`snippet "${snippetId}"`, labels)
}
