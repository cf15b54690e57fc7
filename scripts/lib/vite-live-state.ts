import type { Plugin } from 'vite'
/**
 * The live slides' shared state in the dev server (`core/live-sync.ts`):
 * every window of the presentation sends its changes over Vite's own
 * socket; the server keeps the newest entry of each key, passes each change
 * on to every window, and gives a window that opens later the whole board.
 * Like Slidev's `server-ref` state (clicks, drawings), it lives as long as
 * the dev server.
 */
import { LIVE_SYNC_CHANNEL, LiveBoard, parseLiveMessage } from '../../core/live-sync.ts'

/** At most this many entries are kept (two per step of every live slide edited). */
const MAX_ENTRIES = 2000

export function liveStatePlugin(): Plugin {
  return {
    name: 'lesson:live-state',
    apply: 'serve',
    configureServer(server) {
      const board = new LiveBoard('dev-server')
      server.ws.on(LIVE_SYNC_CHANNEL, (raw: unknown, client) => {
        const message = parseLiveMessage(raw)
        if (!message) {
          server.config.logger.warn(`live coding: a window sent ${LIVE_SYNC_CHANNEL} a message that is not one`, { timestamp: true })
          return
        }
        if (message.type === 'hello') {
          client.send(LIVE_SYNC_CHANNEL, { type: 'snapshot', entries: board.snapshot() })
          return
        }
        const entries = message.type === 'put' ? [message.entry] : message.entries
        for (const entry of entries) {
          if (!board.entries.has(entry.key) && board.entries.size >= MAX_ENTRIES)
            continue
          if (board.put(entry))
            server.ws.send(LIVE_SYNC_CHANNEL, { type: 'put', entry })
        }
      })
    },
  }
}
