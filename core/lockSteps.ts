/**
 * `LockTimeline`'s view model: one lane per named thread, one column per
 * step, each cell what the thread was doing with the lock at the end of that
 * step, and who holds the lock. No Vue here.
 *
 * Holders follow the recorded `acquire`/`release` events; a recording where
 * a thread acquires a lock someone else still holds (the `Release` was
 * recorded after the guard was dropped) is an error, since the picture
 * would show two holders of a `Mutex`.
 */
import type { LockEvent, LockMode, TraceEvent } from './trace.ts'
import { splitSteps, TraceError } from './trace.ts'

export type LaneState
  /** Nothing recorded for this thread yet. */
  = | 'idle'
  /** Called `lock()`/`read()`/`write()` and may be blocked. */
    | 'waiting'
  /** Holds a guard. */
    | 'holding'
  /** Dropped its guard during this step. */
    | 'released'
  /** `try_lock`/`try_read`/`try_write` found the lock taken during this step; the thread did not block. */
    | 'would-block'
  /** The lock call returned `Err(PoisonError)`. */
    | 'poisoned'
  /** Panicked while holding the guard, during this step: the lock is poisoned and the thread ends. */
    | 'panicked'

export interface LaneCell {
  state: LaneState
  /** The lock the cell is about, when the thread touched one. */
  lock: string | null
  mode: LockMode | null
  /** The thread recorded something during this step. */
  active: boolean
}

export interface LockView {
  name: string
  kind: 'mutex' | 'rwlock'
  /** Threads holding it now, with their guard's mode. */
  holders: { thread: string, mode: LockMode }[]
  poisoned: boolean
}

export interface LockColumn {
  /** `trace::step` caption, or a short description of the event. */
  title: string
  labels: string[]
  /** One cell per lane, in lane order. */
  cells: LaneCell[]
  locks: LockView[]
  announce: string
}

export interface LockTimelineView {
  /** Thread names, in order of first appearance. */
  lanes: string[]
  /** All locks in the recording, in order of first appearance. */
  lockNames: string[]
  /** One column per step; a component at step i shows columns 0..i. */
  columns: LockColumn[]
}

const isLockEvent = (e: TraceEvent): e is LockEvent => e.ev === 'lock'

const VERB: Record<LockEvent['op'], string> = {
  'wait': 'waits for',
  'acquire': 'holds',
  'release': 'releases',
  'would-block': 'is refused (WouldBlock)',
  'poisoned': 'finds poisoned',
  'panic': 'panics holding',
}

export function guardName(kind: 'mutex' | 'rwlock', mode: LockMode | null): string {
  if (kind === 'mutex' || mode === 'exclusive')
    return 'lock'
  return mode === 'write' ? 'write' : 'read'
}

/** Builds the timeline of snippet `snippetId`'s lock events. */
export function lockSteps(snippetId: string, events: readonly TraceEvent[]): LockTimelineView {
  const steps = splitSteps(events, isLockEvent)
  const lockEvents = events.filter(isLockEvent)
  if (!lockEvents.length)
    throw new TraceError(`snippet "${snippetId}": LockTimeline needs \`trace::mutex\`/\`trace::rwlock\` events; the recording has none`)
  const lanes = [...new Set(lockEvents.map(e => e.thread))]
  const lockNames = [...new Set(lockEvents.map(e => e.lock))]
  const locks = new Map<string, LockView>(lockNames.map((name) => {
    const first = lockEvents.find(e => e.lock === name)!
    return [name, { name, kind: first.kind, holders: [], poisoned: false }]
  }))
  const lane = new Map<string, LaneCell>(lanes.map(t => [t, { state: 'idle', lock: null, mode: null, active: false }]))
  const ended = new Set<string>()

  const columns = steps.map((step): LockColumn => {
    for (const cell of lane.values()) {
      cell.active = false
      // Releasing and being refused are moments: afterwards the thread is
      // doing something else, not touching the lock.
      if (cell.state === 'released' || cell.state === 'would-block' || cell.state === 'panicked')
        cell.state = 'idle'
    }
    const said: string[] = []
    for (const e of step.events) {
      const where = `snippet "${snippetId}", event seq ${e.seq}`
      const lock = locks.get(e.lock)!
      if (lock.kind !== e.kind)
        throw new TraceError(`${where}: "${e.lock}" was recorded as a ${lock.kind} before, now as a ${e.kind}`)
      const cell = lane.get(e.thread)!
      if (ended.has(e.thread))
        throw new TraceError(`${where}: thread "${e.thread}" records after it panicked`)
      const held = lock.holders.find(h => h.thread === e.thread)
      switch (e.op) {
        case 'acquire': {
          if (held)
            throw new TraceError(`${where}: thread "${e.thread}" acquires "${e.lock}" it already holds`)
          const other = lock.holders.find(h => e.mode !== 'read' || h.mode !== 'read')
          if (other)
            throw new TraceError(`${where}: thread "${e.thread}" acquires "${e.lock}" while "${other.thread}" still holds it; record \`LockOp::Release\` before the guard is dropped`)
          lock.holders.push({ thread: e.thread, mode: e.mode })
          cell.state = 'holding'
          break
        }
        case 'release':
        case 'panic':
          if (!held)
            throw new TraceError(`${where}: thread "${e.thread}" ${e.op === 'panic' ? 'panics holding' : 'releases'} "${e.lock}" without holding it; record \`LockOp::Acquire\` once the guard is taken`)
          lock.holders = lock.holders.filter(h => h !== held)
          cell.state = e.op === 'panic' ? 'panicked' : 'released'
          if (e.op === 'panic')
            ended.add(e.thread)
          break
        case 'wait':
          cell.state = 'waiting'
          break
        case 'would-block':
          cell.state = 'would-block'
          break
        case 'poisoned':
          cell.state = 'poisoned'
          break
      }
      // A guard dropped while panicking poisons the lock; the run can only
      // report it afterwards, so the next recorded flag confirms it.
      lock.poisoned = e.op === 'panic' ? true : e.poisoned
      cell.lock = e.lock
      cell.mode = e.mode
      cell.active = true
      const what = lockNames.length > 1 || lock.kind === 'rwlock' ? `${e.lock} (${lock.kind === 'rwlock' ? e.mode : 'mutex'})` : e.lock
      said.push(`${e.thread} ${VERB[e.op]} ${what}${lock.poisoned ? ', poisoned' : ''}`)
    }
    return {
      title: step.caption ?? said.join('; '),
      labels: step.labels,
      cells: lanes.map(t => ({ ...lane.get(t)! })),
      locks: lockNames.map((n) => {
        const l = locks.get(n)!
        return { ...l, holders: l.holders.map(h => ({ ...h })) }
      }),
      announce: [step.caption, ...said].filter(Boolean).join('. '),
    }
  })
  return { lanes, lockNames, columns }
}
