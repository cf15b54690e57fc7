/**
 * The live slides' state that every window of one presentation shares:
 * presenter, projector, a second audience tab. Per slide and step, the
 * editor's text, a run under way and the last answer.
 *
 * One more entry, `reset:every`, is the instructor's "reset every edit":
 * every text and run written before it (by the clock) is dropped, on every
 * live slide, and so is anything older that arrives after it.
 *
 * Each window holds a copy of the board. A change is an entry stamped with
 * a Lamport clock and the window's id; an entry replaces the one it is
 * newer than. Windows that have seen the same entries therefore show the
 * same thing, whatever order the entries arrived in, whichever window
 * typed last. The transport (the dev server's socket, or a
 * BroadcastChannel in a built deck) only carries the messages below.
 */
import type { LiveResponse } from './live-contract.ts'
import { isLiveResponse } from './live-contract.ts'

/** A run under way, started by window `by`. */
export interface LiveRun {
  id: string
  by: string
  /** When it started (ms since the epoch, the starting window's clock). */
  since: number
}

/** One step's editor text, as every window shows it. */
export interface LiveCodeState {
  kind: 'code'
  /** The step's code the edit started from: an edit of another original (the snippet changed since) is dropped. */
  base: string
  /** The editor's text; `base` itself when unedited. */
  code: string
}

/** One step's run, apart from its text, so that typing in one window and an answer arriving in another never undo each other. */
export interface LiveRunState {
  kind: 'run'
  base: string
  /** The last answer of the endpoint, and the whole program it answered. */
  answer: LiveResponse | null
  answeredFor: string | null
  /** A run under way, or null. */
  run: LiveRun | null
  /** The last run was stopped before it answered. */
  stopped: boolean
}

/** Every live slide back to its steps: entries older than this one are dropped. */
export interface LiveResetState {
  kind: 'reset'
  /** Which reset, so that a browser forgets its kept edits once per reset. */
  id: string
}

export type LiveValue = LiveCodeState | LiveRunState | LiveResetState

export interface LiveEntry {
  key: string
  clock: number
  /** The window that wrote it. */
  by: string
  value: LiveValue
}

/** What windows and the dev server tell each other. */
export type LiveMessage
  /** A change. */
  = | { type: 'put', entry: LiveEntry }
  /** A window that just opened asks for the board. */
    | { type: 'hello', from: string }
  /** The board, to a window that said hello. */
    | { type: 'snapshot', entries: LiveEntry[] }

/** The event name on the dev server's socket and the BroadcastChannel's name. */
export const LIVE_SYNC_CHANNEL = 'lesson:live-state'

/** A run that has not answered in this long is taken as lost (its window closed). */
export const LIVE_RUN_LOST_MS = 60_000

/** The board's key of a step's text or run; `step` names the slide and step. */
export function liveKey(kind: LiveValue['kind'], step: string): string {
  return `${kind}:${step}`
}

/** The board's key of the reset of every live slide. */
export const LIVE_RESET_KEY = liveKey('reset', 'every')

export function emptyRun(base: string): LiveRunState {
  return { kind: 'run', base, answer: null, answeredFor: null, run: null, stopped: false }
}

function isRun(value: unknown): value is LiveRun {
  if (!value || typeof value !== 'object')
    return false
  const v = value as Record<string, unknown>
  return typeof v.id === 'string' && typeof v.by === 'string' && typeof v.since === 'number'
}

export function isLiveValue(value: unknown): value is LiveValue {
  if (!value || typeof value !== 'object')
    return false
  const v = value as Record<string, unknown>
  if (v.kind === 'reset')
    return typeof v.id === 'string' && v.id.length > 0
  if (typeof v.base !== 'string')
    return false
  if (v.kind === 'code')
    return typeof v.code === 'string'
  return v.kind === 'run'
    && (v.answer === null || isLiveResponse(v.answer))
    && (v.answeredFor === null || typeof v.answeredFor === 'string')
    && (v.run === null || isRun(v.run))
    && typeof v.stopped === 'boolean'
}

export function isLiveEntry(value: unknown): value is LiveEntry {
  if (!value || typeof value !== 'object')
    return false
  const v = value as Record<string, unknown>
  return typeof v.key === 'string' && v.key.length > 0
    && typeof v.clock === 'number' && Number.isSafeInteger(v.clock) && v.clock > 0
    && typeof v.by === 'string' && isLiveValue(v.value)
    && v.key === liveKey(v.value.kind, v.key.slice(v.key.indexOf(':') + 1))
}

/** Reads a message from another window or the server; anything else is null. */
export function parseLiveMessage(value: unknown): LiveMessage | null {
  if (!value || typeof value !== 'object')
    return null
  const v = value as Record<string, unknown>
  if (v.type === 'put' && isLiveEntry(v.entry))
    return { type: 'put', entry: v.entry }
  if (v.type === 'hello' && typeof v.from === 'string')
    return { type: 'hello', from: v.from }
  if (v.type === 'snapshot' && Array.isArray(v.entries))
    return { type: 'snapshot', entries: v.entries.filter(isLiveEntry) }
  return null
}

/** Whether `incoming` replaces `current`: a later clock, or the same clock from a window with a larger id. */
export function supersedes(incoming: Pick<LiveEntry, 'clock' | 'by'>, current: Pick<LiveEntry, 'clock' | 'by'> | undefined): boolean {
  if (!current)
    return true
  return incoming.clock > current.clock || (incoming.clock === current.clock && incoming.by > current.by)
}

/**
 * A board of entries by key. `put` keeps an entry that supersedes the one
 * held and says whether it did; `write` stamps a change of this window.
 * A reset entry removes every entry it supersedes, and an entry it
 * supersedes is not kept when it arrives later.
 */
export class LiveBoard {
  readonly entries = new Map<string, LiveEntry>()
  private clock = 0

  constructor(readonly self: string) {}

  put(entry: LiveEntry): boolean {
    this.clock = Math.max(this.clock, entry.clock)
    if (!supersedes(entry, this.entries.get(entry.key)))
      return false
    const reset = this.entries.get(LIVE_RESET_KEY)
    if (entry.key !== LIVE_RESET_KEY && reset && supersedes(reset, entry))
      return false
    this.keep(entry)
    return true
  }

  write(key: string, value: LiveValue): LiveEntry {
    const entry: LiveEntry = { key, clock: ++this.clock, by: this.self, value }
    this.keep(entry)
    return entry
  }

  private keep(entry: LiveEntry): void {
    this.entries.set(entry.key, entry)
    if (entry.key !== LIVE_RESET_KEY)
      return
    for (const [key, held] of this.entries) {
      if (key !== LIVE_RESET_KEY && supersedes(entry, held))
        this.entries.delete(key)
    }
  }

  get(key: string): LiveValue | undefined {
    return this.entries.get(key)?.value
  }

  snapshot(): LiveEntry[] {
    return [...this.entries.values()]
  }
}

/** The text a window shows for a step starting as `original`, or null when the board has none for it (an edit of another original is none). */
export function codeFor(held: LiveValue | undefined, original: string): string | null {
  return held?.kind === 'code' && held.base === original ? held.code : null
}

/**
 * The run a window shows for a step starting as `original`: the board's,
 * unless made from another original; a run that has not answered for
 * `LIVE_RUN_LOST_MS` (its window closed) no longer counts as running.
 */
export function runFor(held: LiveValue | undefined, original: string, now: number): LiveRunState {
  if (held?.kind !== 'run' || held.base !== original)
    return emptyRun(original)
  if (held.run && now - held.run.since > LIVE_RUN_LOST_MS)
    return { ...held, run: null }
  return held
}
