/**
 * Recordings made by the `trace` crate (`snippets/trace/src/lib.rs`), parsed
 * and validated into typed events. No Node or Vue imports.
 *
 * A recording is one JSON object per line, in the order the run made them.
 * Every line has `seq` (0, 1, 2, … with no gaps) and `ev` (the kind); the
 * other fields depend on the kind:
 *
 * | `ev` | fields | written by |
 * | --- | --- | --- |
 * | `step` | `caption` | `trace::step` |
 * | `label` | `text` | `trace::label` |
 * | `rc`, `arc`, `weak` | `alloc`, `handle`, `op` (`new` `clone` `downgrade` `upgrade` `look`), `strong`, `weak`, `thread` | `trace::rc`, `trace::arc`, `trace::rc_weak`, `trace::arc_weak` |
 * | `upgrade-failed` | `handle` | `trace::upgrade_failed` |
 * | `drop` | `handle`, `thread` | `trace::dropped` |
 * | `free` | `what` | `trace::freed` |
 * | `refcell` | `cell`, `guard`, `op` (`borrow` `borrow_mut` `release` `refused`), `flag` (`unborrowed` `shared` `exclusive`) | `trace::refcell` |
 * | `lock` | `kind` (`mutex` `rwlock`), `lock`, `thread`, `mode` (`exclusive` `read` `write`), `op` (`wait` `acquire` `release` `would-block` `poisoned` `panic`), `poisoned` | `trace::mutex`, `trace::rwlock` |
 * | `layout` | `type`, `size`, `align`, `heap` (bytes) | `trace::layout`, `trace::layout_of_val` |
 * | `measure` | `name`, `value`, `unit` | `trace::measure` |
 *
 * `alloc` names an allocation by the order the run first saw it (`alloc0`,
 * `alloc1`, …), so recordings are the same on every machine.
 */

/** The `Op` of a counted handle event. */
export type HandleOp = 'new' | 'clone' | 'downgrade' | 'upgrade' | 'look'
export type RefCellOp = 'borrow' | 'borrow_mut' | 'release' | 'refused'
export type RefCellFlag = 'unborrowed' | 'shared' | 'exclusive'
export type LockOpName = 'wait' | 'acquire' | 'release' | 'would-block' | 'poisoned' | 'panic'
export type LockMode = 'exclusive' | 'read' | 'write'

interface Base {
  /** Position in the run, from 0. */
  seq: number
}

/** Starts a step of the animation. */
export interface StepEvent extends Base { ev: 'step', caption: string }
/** Free text for the current step. */
export interface LabelEvent extends Base { ev: 'label', text: string }
/** An `Rc`/`Arc` (`rc`, `arc`) or weak (`weak`) handle and its allocation's counts after the operation. */
export interface CountEvent extends Base {
  ev: 'rc' | 'arc' | 'weak'
  alloc: string
  handle: string
  op: HandleOp
  strong: number
  weak: number
  thread: string
}
/** A `Weak::upgrade` of `handle` returned `None`. */
export interface UpgradeFailedEvent extends Base { ev: 'upgrade-failed', handle: string }
/** The handle went away. */
export interface DropEvent extends Base { ev: 'drop', handle: string, thread: string }
/** The value `what` was freed (its `Drop` ran). */
export interface FreeEvent extends Base { ev: 'free', what: string }
/** A `RefCell` guard event, with the flag the cell reports right after it. */
export interface RefCellEvent extends Base { ev: 'refcell', cell: string, guard: string, op: RefCellOp, flag: RefCellFlag }
/** What a named thread did with a `Mutex` or `RwLock`. */
export interface LockEvent extends Base {
  ev: 'lock'
  kind: 'mutex' | 'rwlock'
  lock: string
  thread: string
  mode: LockMode
  op: LockOpName
  /** `is_poisoned()` right after the event. */
  poisoned: boolean
}
/** Size and alignment of a type as this compiler laid it out, plus heap bytes owned. */
export interface LayoutEvent extends Base { ev: 'layout', type: string, size: number, align: number, heap: number }
/** A measured figure; varies between runs, so checked-in recordings hold `"*"` instead. */
export interface MeasureEvent extends Base { ev: 'measure', name: string, value: number | '*', unit: string }

export type TraceEvent
  = | StepEvent | LabelEvent | CountEvent | UpgradeFailedEvent | DropEvent | FreeEvent
    | RefCellEvent | LockEvent | LayoutEvent | MeasureEvent

export type TraceEventKind = TraceEvent['ev']

/** A recording that does not have the documented shape; the message names the snippet and the event. */
export class TraceError extends Error {
  override name = 'TraceError'
}

type Field = 'string' | 'count' | 'boolean' | 'number' | 'measured' | readonly string[]

const HANDLE_OPS = ['new', 'clone', 'downgrade', 'upgrade', 'look'] as const
const COUNTED: Record<string, Field> = { alloc: 'string', handle: 'string', op: HANDLE_OPS, strong: 'count', weak: 'count', thread: 'string' }

/** The fields each kind must carry, and their types. */
const SCHEMA: Record<TraceEventKind, Record<string, Field>> = {
  'step': { caption: 'string' },
  'label': { text: 'string' },
  'rc': COUNTED,
  'arc': COUNTED,
  'weak': COUNTED,
  'upgrade-failed': { handle: 'string' },
  'drop': { handle: 'string', thread: 'string' },
  'free': { what: 'string' },
  'refcell': { cell: 'string', guard: 'string', op: ['borrow', 'borrow_mut', 'release', 'refused'], flag: ['unborrowed', 'shared', 'exclusive'] },
  'lock': {
    kind: ['mutex', 'rwlock'],
    lock: 'string',
    thread: 'string',
    mode: ['exclusive', 'read', 'write'],
    op: ['wait', 'acquire', 'release', 'would-block', 'poisoned', 'panic'],
    poisoned: 'boolean',
  },
  'layout': { type: 'string', size: 'count', align: 'count', heap: 'count' },
  'measure': { name: 'string', value: 'measured', unit: 'string' },
}

function fieldError(value: unknown, want: Field): string | null {
  if (Array.isArray(want))
    return typeof value === 'string' && want.includes(value) ? null : `one of ${want.map(w => `"${w}"`).join(', ')}`
  switch (want) {
    case 'string': return typeof value === 'string' ? null : 'a string'
    case 'boolean': return typeof value === 'boolean' ? null : 'true or false'
    case 'number': return typeof value === 'number' && Number.isFinite(value) ? null : 'a number'
    case 'count': return Number.isInteger(value) && (value as number) >= 0 ? null : 'a whole number ≥ 0'
    // Checked-in recordings blank measurements (`"*"`): they vary between runs.
    case 'measured': return (typeof value === 'number' && Number.isFinite(value)) || value === '*' ? null : 'a number (or "*" in a checked-in recording)'
  }
  return null
}

/**
 * Checks every event of snippet `snippetId`'s recording and returns them
 * typed. Throws a `TraceError` naming the snippet and the event's `seq` (or
 * its line, when it has none) at the first problem.
 */
export function parseTrace(snippetId: string, raw: readonly unknown[]): TraceEvent[] {
  return raw.map((item, index) => {
    const at = `snippet "${snippetId}", recording line ${index + 1}`
    if (typeof item !== 'object' || item === null || Array.isArray(item))
      throw new TraceError(`${at}: expected a JSON object, got ${JSON.stringify(item)}`)
    const event = item as Record<string, unknown>
    if (event.seq !== index) {
      throw new TraceError(Number.isInteger(event.seq)
        ? `${at}: event seq ${String(event.seq)} out of order, expected seq ${index} (lines must be in recording order, numbered from 0)`
        : `${at}: "seq" must be ${index}, got ${JSON.stringify(event.seq)}`)
    }
    const where = `snippet "${snippetId}", event seq ${index}`
    const kind = event.ev
    if (typeof kind !== 'string' || !(kind in SCHEMA))
      throw new TraceError(`${where}: unknown event kind ${JSON.stringify(kind)}; known kinds: ${Object.keys(SCHEMA).join(', ')}`)
    for (const [name, want] of Object.entries(SCHEMA[kind as TraceEventKind])) {
      if (!(name in event))
        throw new TraceError(`${where} (${kind}): missing field "${name}"`)
      const problem = fieldError(event[name], want)
      if (problem)
        throw new TraceError(`${where} (${kind}): field "${name}" must be ${problem}, got ${JSON.stringify(event[name])}`)
    }
    return event as unknown as TraceEvent
  })
}

/**
 * The JSON values of a JSON-lines recording, one per non-blank line,
 * unchecked; a `TraceError` naming the line that is not JSON (a run killed
 * mid-line, a program that wrote to the file itself).
 */
export function readTraceLines(snippetId: string, text: string): unknown[] {
  return text.split('\n').filter(line => line.trim()).map((line, i) => {
    try {
      return JSON.parse(line) as unknown
    }
    catch (error) {
      throw new TraceError(`snippet "${snippetId}", recording line ${i + 1}: not JSON (${(error as Error).message})`)
    }
  })
}

/** Parses a whole JSON-lines text (as in `expected/<name>.trace`). */
export function parseTraceText(snippetId: string, text: string): TraceEvent[] {
  return parseTrace(snippetId, readTraceLines(snippetId, text))
}

/** One animation step: the events it applies, in order. */
export interface TraceStep<E extends TraceEvent = TraceEvent> {
  /** From `trace::step`, or null when each event is its own step. */
  caption: string | null
  /** `trace::label` texts recorded during the step. */
  labels: string[]
  /** The step's events of the kinds the caller asked for. */
  events: E[]
}

/**
 * Cuts a recording into steps. With `trace::step` events, each starts a
 * step (events before the first belong to the first); without them, every
 * event the caller keeps is one step, and labels join the step before them.
 * Steps with none of the kept events are dropped, unless every step would be.
 */
export function splitSteps<E extends TraceEvent>(events: readonly TraceEvent[], keep: (e: TraceEvent) => e is E): TraceStep<E>[] {
  const stepped = events.some(e => e.ev === 'step')
  const steps: TraceStep<E>[] = []
  let pendingLabels: string[] = []
  const current = (): TraceStep<E> | undefined => steps.at(-1)
  for (const e of events) {
    if (e.ev === 'step') {
      const first = current()
      if (first && steps.length === 1 && first.caption === null)
        first.caption = e.caption
      else
        steps.push({ caption: e.caption, labels: [], events: [] })
    }
    else if (e.ev === 'label') {
      const step = current()
      if (step)
        step.labels.push(e.text)
      else
        pendingLabels.push(e.text)
    }
    else if (keep(e)) {
      let step = current()
      if (!step || !stepped) {
        step = { caption: null, labels: pendingLabels, events: [] }
        pendingLabels = []
        steps.push(step)
      }
      step.events.push(e)
    }
  }
  const kept = steps.filter(s => s.events.length > 0)
  return kept.length ? kept : steps
}

/** A recording of a snippet, validated; a missing recording is a clear error. */
export function requireTrace(snippetId: string, raw: readonly unknown[] | null | undefined, kinds: readonly TraceEventKind[]): TraceEvent[] {
  if (!raw || raw.length === 0)
    throw new TraceError(`snippet "${snippetId}" has no recording: call the \`trace\` crate in it (${kinds.map(k => `\`${k}\``).join(', ')} events) and run \`npm run check\``)
  const events = parseTrace(snippetId, raw)
  if (!events.some(e => kinds.includes(e.ev)))
    throw new TraceError(`snippet "${snippetId}": its recording has no ${kinds.map(k => `"${k}"`).join(' or ')} events, which this animation needs (it has: ${[...new Set(events.map(e => e.ev))].join(', ')})`)
  return events
}
