import type { LiveEntry, LiveMessage, LiveValue } from '../../core/live-sync.ts'
import { ref, shallowReactive } from 'vue'
import { LIVE_RESET_KEY, LIVE_SYNC_CHANNEL, LiveBoard, parseLiveMessage } from '../../core/live-sync.ts'

/**
 * The live slides' shared board (`core/live-sync.ts`) in this window, and
 * its transport to the presentation's other windows: in the dev server,
 * the server's own socket (`scripts/lib/vite-live-state.ts` keeps the board
 * there, so a window opened later gets it); in a built deck, a
 * BroadcastChannel between the tabs of one browser, as Slidev's own
 * built-in sync does.
 */
export interface LiveBoardHandle {
  /** This window's id. */
  self: string
  /** What the board holds, reactively, by key. */
  values: Map<string, LiveValue>
  /** A change of this window, sent to the others. */
  write: (key: string, value: LiveValue) => void
  /** Now, refreshed every few seconds (for runs whose window went away). */
  now: { value: number }
}

let handle: LiveBoardHandle | null = null

/** A random id, for a window or a run. */
export function randomId(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`
}

/**
 * A board whose messages go to `connect`'s `send`; `connect` gets the
 * function that takes the messages of the other windows. Tests pass their
 * own; `useLiveBoard` is this window's.
 */
export function createLiveBoard(connect: (receive: (raw: unknown) => void) => (message: LiveMessage) => void): LiveBoardHandle {
  const self = randomId()
  const board = new LiveBoard(self)
  const values = shallowReactive(new Map<string, LiveValue>())
  const now = ref(Date.now())

  // A reset removes older entries from the board: from the shown values too.
  const mirror = (entry: LiveEntry): void => {
    values.set(entry.key, entry.value)
    if (entry.key !== LIVE_RESET_KEY)
      return
    for (const key of [...values.keys()]) {
      if (!board.entries.has(key))
        values.delete(key)
    }
  }
  const keep = (entry: LiveEntry): void => {
    if (board.put(entry))
      mirror(entry)
  }

  let send: (message: LiveMessage) => void
  const receive = (raw: unknown): void => {
    const message = parseLiveMessage(raw)
    if (!message)
      return
    if (message.type === 'put')
      keep(message.entry)
    else if (message.type === 'snapshot')
      message.entries.forEach(keep)
    else if (message.type === 'hello' && message.from !== self && board.entries.size)
      send({ type: 'snapshot', entries: board.snapshot() })
  }

  send = connect(receive)
  send({ type: 'hello', from: self })

  return {
    self,
    values,
    now,
    write(key, value) {
      const entry = board.write(key, value)
      mirror(entry)
      send({ type: 'put', entry })
    },
  }
}

/** This window's board, connected to the presentation's other windows. */
export function useLiveBoard(): LiveBoardHandle {
  if (handle)
    return handle
  handle = createLiveBoard((receive) => {
    if (import.meta.hot) {
      const hot = import.meta.hot
      hot.on(LIVE_SYNC_CHANNEL, receive)
      return message => hot.send(LIVE_SYNC_CHANNEL, message)
    }
    if (typeof BroadcastChannel !== 'undefined') {
      // One channel per deck: the decks of one site share an origin.
      const channel = new BroadcastChannel(`${LIVE_SYNC_CHANNEL}:${location.pathname}`)
      channel.addEventListener('message', event => receive(event.data))
      return message => channel.postMessage(message)
    }
    return () => {}
  })
  const now = handle.now
  setInterval(() => now.value = Date.now(), 5000)
  return handle
}
