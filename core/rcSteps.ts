/**
 * `RcGraph`'s view model: handles on the stack pointing at allocations on
 * the heap, with the strong and weak counts the run recorded. No Vue here.
 *
 * Counts come from the recording. After a `drop` event the run cannot
 * report counts through the handle that went away, so the count it held is
 * taken off (strong for an `Rc`/`Arc`, weak for a `Weak`) until the next
 * recorded event for that allocation, which always wins.
 */
import type { CountEvent, DropEvent, FreeEvent, TraceEvent, TraceStep, UpgradeFailedEvent } from './trace.ts'
import { splitSteps, TraceError } from './trace.ts'

export type RcEvent = CountEvent | DropEvent | FreeEvent | UpgradeFailedEvent

/** A handle's state at one step. */
export type HandleState
  /** Not created yet: its place is reserved so nothing moves later. */
  = | 'absent'
  /** Alive, pointing at its allocation. */
    | 'live'
  /** Dropped (or moved away). */
    | 'dropped'
  /** A weak handle whose `upgrade()` returned `None`. */
    | 'dangling'

export interface HandleView {
  name: string
  /** `strong` for `Rc`/`Arc`, `weak` for `Weak`. */
  kind: 'strong' | 'weak'
  /** The allocation it points at (`alloc0`, …), null while absent. */
  alloc: string | null
  state: HandleState
  /** The thread that last recorded it (`main`, `t1`, …). */
  thread: string
  /** The handle lives inside a heap value (its name has a dot, e.g. `a.next`). */
  inHeap: boolean
  /** This step created, cloned, dropped or upgraded it. */
  changed: boolean
}

/** What is in an allocation at one step. */
export type AllocState
  /** Not allocated yet. */
  = | 'absent'
  /** strong > 0 and reachable from the stack. */
    | 'live'
  /** strong > 0, but no handle on the stack reaches it: leaked (a cycle). */
    | 'leaked'
  /** strong = 0: the value was dropped; the block stays while weak > 0. */
    | 'dropped'

export interface AllocView {
  id: string
  /** `Arc` when any of its handles were `Arc`s: counts are atomic. */
  atomic: boolean
  strong: number
  weak: number
  state: AllocState
  /** `trace::freed` texts recorded for this allocation. */
  freed: string[]
  changed: boolean
}

export interface RcStepView {
  caption: string | null
  labels: string[]
  handles: HandleView[]
  allocs: AllocView[]
  /** One sentence for screen readers, e.g. "b = Rc::clone: strong 2, weak 0". */
  announce: string
}

interface Alloc { atomic: boolean, strong: number, weak: number, seen: boolean, freed: string[] }
interface Handle { kind: 'strong' | 'weak', alloc: string | null, state: HandleState, thread: string }

function isRcEvent(e: TraceEvent): e is RcEvent {
  return e.ev === 'rc' || e.ev === 'arc' || e.ev === 'weak' || e.ev === 'drop' || e.ev === 'free' || e.ev === 'upgrade-failed'
}

/** One view per step of snippet `snippetId`'s recording. */
export function rcSteps(snippetId: string, events: readonly TraceEvent[]): RcStepView[] {
  const steps = joinFrees(splitSteps(events, isRcEvent))
  const handleOrder: string[] = []
  const allocOrder: string[] = []
  for (const e of events) {
    if ((e.ev === 'rc' || e.ev === 'arc' || e.ev === 'weak') && !handleOrder.includes(e.handle))
      handleOrder.push(e.handle)
    if ((e.ev === 'rc' || e.ev === 'arc' || e.ev === 'weak') && !allocOrder.includes(e.alloc))
      allocOrder.push(e.alloc)
  }
  if (!allocOrder.length)
    throw new TraceError(`snippet "${snippetId}": RcGraph needs \`trace::rc\`/\`trace::arc\` events; the recording has none`)

  const handles = new Map<string, Handle>(handleOrder.map(n => [n, { kind: 'strong', alloc: null, state: 'absent', thread: 'main' }]))
  const allocs = new Map<string, Alloc>(allocOrder.map(a => [a, { atomic: false, strong: 0, weak: 0, seen: false, freed: [] }]))

  // A value's `Drop` runs inside the `drop` it records after, so a `free`
  // may come just before the drop that brings the strong count to 0.
  let pendingFree: FreeEvent[] = []
  const views = steps.map((step) => {
    const changedHandles = new Set<string>()
    const changedAllocs = new Set<string>()
    const said: string[] = []
    for (const e of step.events) {
      const where = `snippet "${snippetId}", event seq ${e.seq}`
      switch (e.ev) {
        case 'rc':
        case 'arc':
        case 'weak': {
          const h = handles.get(e.handle)!
          const a = allocs.get(e.alloc)!
          h.kind = e.ev === 'weak' ? 'weak' : 'strong'
          h.alloc = e.alloc
          h.state = 'live'
          h.thread = e.thread
          a.atomic ||= e.ev === 'arc'
          a.strong = e.strong
          a.weak = e.weak
          a.seen = true
          changedHandles.add(e.handle)
          changedAllocs.add(e.alloc)
          said.push(`${e.handle} ${describeOp(e)}: strong ${e.strong}, weak ${e.weak}`)
          break
        }
        case 'drop': {
          const h = handles.get(e.handle)
          if (!h || h.state === 'absent')
            throw new TraceError(`${where}: drop of handle "${e.handle}", which the recording never created`)
          if (h.state === 'dropped')
            throw new TraceError(`${where}: handle "${e.handle}" is dropped twice`)
          const wasLive = h.state === 'live'
          h.state = 'dropped'
          changedHandles.add(e.handle)
          const a = allocs.get(h.alloc!)!
          if (wasLive && h.kind === 'strong')
            a.strong = Math.max(0, a.strong - 1)
          else if (a.weak > 0)
            a.weak -= 1
          changedAllocs.add(h.alloc!)
          said.push(`${e.handle} dropped: strong ${a.strong}, weak ${a.weak}`)
          if (a.strong === 0 && pendingFree.length) {
            a.freed.push(...pendingFree.map(f => f.what))
            said.push(...pendingFree.map(f => `${f.what} freed`))
            pendingFree = []
          }
          break
        }
        case 'upgrade-failed': {
          const h = handles.get(e.handle)
          if (!h || h.state === 'absent')
            throw new TraceError(`${where}: upgrade of handle "${e.handle}", which the recording never created`)
          h.state = 'dangling'
          changedHandles.add(e.handle)
          said.push(`${e.handle}.upgrade() returned None`)
          break
        }
        case 'free': {
          const alloc = freedAlloc(e, handles, allocs)
          if (!alloc) {
            pendingFree.push(e)
            break
          }
          allocs.get(alloc)!.freed.push(e.what)
          changedAllocs.add(alloc)
          said.push(`${e.what} freed`)
          break
        }
      }
    }
    const reachable = new Set([...handles.entries()]
      .filter(([name, h]) => h.state === 'live' && !name.includes('.'))
      .map(([, h]) => h.alloc))
    return {
      caption: step.caption,
      labels: step.labels,
      handles: handleOrder.map((name) => {
        const h = handles.get(name)!
        return { name, kind: h.kind, alloc: h.alloc, state: h.state, thread: h.thread, inHeap: name.includes('.'), changed: changedHandles.has(name) }
      }),
      allocs: allocOrder.map((id) => {
        const a = allocs.get(id)!
        const state: AllocState = !a.seen ? 'absent' : a.strong === 0 ? 'dropped' : reachable.has(id) ? 'live' : 'leaked'
        return { id, atomic: a.atomic, strong: a.strong, weak: a.weak, state, freed: [...a.freed], changed: changedAllocs.has(id) }
      }),
      announce: [step.caption, ...said].filter(Boolean).join('. '),
    }
  })
  const lost = pendingFree[0]
  if (lost)
    throw new TraceError(`snippet "${snippetId}", event seq ${lost.seq}: free of "${lost.what}" matches no allocation: name it after a handle that pointed at it, or record the drop that brings its strong count to 0`)
  return views
}

function describeOp(e: CountEvent): string {
  const type = e.ev === 'arc' ? 'Arc' : e.ev === 'rc' ? 'Rc' : 'Weak'
  switch (e.op) {
    case 'new': return `= ${type}::new`
    case 'clone': return `= ${type}::clone`
    case 'downgrade': return '= downgrade'
    case 'upgrade': return '= upgrade()'
    case 'look': return 'counts'
  }
}

/** The allocation a `free` event is about: by handle name, else the only one whose strong count is 0. */
function freedAlloc(e: FreeEvent, handles: Map<string, Handle>, allocs: Map<string, Alloc>): string | null {
  const byName = handles.get(e.what)?.alloc
  if (byName)
    return byName
  const candidates = [...allocs.entries()].filter(([, a]) => a.seen && a.strong === 0 && a.freed.length === 0)
  return candidates.length === 1 ? candidates[0]![0] : null
}

/**
 * Without `trace::step`, a `free` recorded by a value's `Drop` is shown with
 * the drop that follows it: they are one moment of the program.
 */
function joinFrees(steps: TraceStep<RcEvent>[]): TraceStep<RcEvent>[] {
  const out: TraceStep<RcEvent>[] = []
  let carry: TraceStep<RcEvent> | null = null
  for (const step of steps) {
    const merged: TraceStep<RcEvent> = carry
      ? { caption: step.caption, labels: [...carry.labels, ...step.labels], events: [...carry.events, ...step.events] }
      : step
    carry = null
    if (merged.caption === null && merged.events.every(e => e.ev === 'free') && step !== steps.at(-1))
      carry = merged
    else
      out.push(merged)
  }
  return out
}
