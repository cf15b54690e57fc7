/**
 * `BorrowState`'s view model: each `RefCell`'s borrow flag as the run
 * reported it, and the `Ref`/`RefMut` guards alive at each step. No Vue here.
 */
import type { RefCellEvent, RefCellFlag, TraceEvent } from './trace.ts'
import { splitSteps, TraceError } from './trace.ts'

export type GuardState
  /** Not taken yet (its place is reserved). */
  = | 'absent'
  /** A live `Ref` from `borrow()`. */
    | 'shared'
  /** A live `RefMut` from `borrow_mut()`. */
    | 'exclusive'
  /** Dropped. */
    | 'released'
  /** Asked for and refused at this step: `try_borrow*` gave `Err`, or `borrow*` panicked. */
    | 'refused'

export interface GuardView {
  name: string
  state: GuardState
  /** This step changed it. */
  changed: boolean
}

export interface CellView {
  name: string
  /** The flag the cell reported right after this step's last event. */
  flag: RefCellFlag
  /** Live `Ref`s. */
  readers: number
  guards: GuardView[]
}

export interface BorrowStepView {
  caption: string | null
  labels: string[]
  cells: CellView[]
  /** The refusal ended the program with a panic (the snippet promises one), rather than an `Err`. */
  panicked: boolean
  announce: string
}

const isRefCell = (e: TraceEvent): e is RefCellEvent => e.ev === 'refcell'

/**
 * One view per step. `panics` is the snippet's promised panic message, if
 * any: then the last refusal of the run is the borrow that panicked.
 */
export function borrowSteps(snippetId: string, events: readonly TraceEvent[], panics: string | null = null): BorrowStepView[] {
  const cellEvents = events.filter(isRefCell)
  if (!cellEvents.length)
    throw new TraceError(`snippet "${snippetId}": BorrowState needs \`trace::refcell\` events; the recording has none`)
  const cellNames = [...new Set(cellEvents.map(e => e.cell))]
  const guardNames = new Map(cellNames.map(c => [c, [...new Set(cellEvents.filter(e => e.cell === c).map(e => e.guard))]]))
  const flags = new Map<string, RefCellFlag>(cellNames.map(c => [c, 'unborrowed']))
  const guards = new Map<string, GuardState>()
  const key = (cell: string, guard: string) => `${cell}\0${guard}`
  const lastRefusal = panics === null ? null : cellEvents.filter(e => e.op === 'refused').at(-1) ?? null
  let panicked = false

  return splitSteps(events, isRefCell).map((step) => {
    const changed = new Set<string>()
    const said: string[] = []
    for (const [k, state] of guards) {
      if (state === 'refused')
        guards.set(k, 'absent')
    }
    for (const e of step.events) {
      if (panicked)
        throw new TraceError(`snippet "${snippetId}", event seq ${e.seq}: recorded after the borrow that panicked`)
      const k = key(e.cell, e.guard)
      const before = guards.get(k) ?? 'absent'
      switch (e.op) {
        case 'borrow':
        case 'borrow_mut':
          if (before === 'shared' || before === 'exclusive')
            throw new TraceError(`snippet "${snippetId}", event seq ${e.seq}: guard "${e.guard}" of "${e.cell}" is taken again while alive; give each guard its own name`)
          guards.set(k, e.op === 'borrow' ? 'shared' : 'exclusive')
          said.push(`${e.guard} = ${e.cell}.${e.op}(): ${e.flag}`)
          break
        case 'release':
          if (before !== 'shared' && before !== 'exclusive')
            throw new TraceError(`snippet "${snippetId}", event seq ${e.seq}: guard "${e.guard}" of "${e.cell}" is released but was never taken`)
          guards.set(k, 'released')
          said.push(`${e.guard} dropped: ${e.cell} is ${e.flag}`)
          break
        case 'refused':
          guards.set(k, 'refused')
          panicked = e === lastRefusal
          said.push(panicked ? `${e.guard}: borrow refused, the program panics: ${panics}` : `${e.guard}: borrow refused (Err), ${e.cell} stays ${e.flag}`)
          break
      }
      flags.set(e.cell, e.flag)
      changed.add(k)
    }
    return {
      caption: step.caption,
      labels: step.labels,
      cells: cellNames.map((cell) => {
        const list = guardNames.get(cell)!.map(name => ({ name, state: guards.get(key(cell, name)) ?? 'absent', changed: changed.has(key(cell, name)) }))
        return { name: cell, flag: flags.get(cell)!, readers: list.filter(g => g.state === 'shared').length, guards: list }
      }),
      panicked,
      announce: [step.caption, ...said].filter(Boolean).join('. '),
    }
  })
}
