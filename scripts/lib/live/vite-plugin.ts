import type { Plugin } from 'vite'
import type { LiveRunnerOptions } from './runner.ts'
/**
 * Serves `POST /api/rust/run` from the dev server (`slidev`, and the server
 * `slidev export` starts), never from a build: a static deck has no server
 * and shows recorded output instead.
 */
import { LIVE_RUN_PATH } from '../../../core/live-contract.ts'
import { createLiveHandler } from './http.ts'
import { createLiveRunner } from './runner.ts'

export function liveRunPlugin(options: LiveRunnerOptions = {}): Plugin {
  return {
    name: 'lesson:live-run',
    apply: 'serve',
    configureServer(server) {
      const runner = createLiveRunner(options)
      const log = server.config.logger
      if (typeof runner.sandbox === 'string')
        log.warn(`live coding: ${LIVE_RUN_PATH} refuses to run code: ${runner.sandbox}`)
      const handle = createLiveHandler(runner, {
        onAnswer: (status, answer) => {
          if (answer.outcome === 'rejected')
            log.warn(`live coding: ${status} ${answer.error}`, { timestamp: true })
        },
      })
      // First in the stack, ahead of Vite's own host check, so that a
      // refused request still gets the endpoint's JSON answer.
      server.middlewares.stack.unshift({ route: '', handle })
      server.httpServer?.once('close', () => void runner.close())
    },
  }
}
