import type { Plugin } from 'vite'
import type { LiveRunnerOptions } from './runner.ts'
/**
 * Serves `POST /api/rust/run` from the dev server (`slidev`, and the server
 * `slidev export` starts), never from a build: a static deck has no server
 * and shows recorded output instead. Without a sandbox the endpoint refuses
 * to run code, unless the presenter opted out (`--unsafe-live-runs`, carried
 * to the server in `LESSON_UNSAFE_LIVE_RUNS=1`); then every run is warned of.
 */
import { LIVE_RUN_PATH } from '../../../core/live-contract.ts'
import { createLiveHandler } from './http.ts'
import { createLiveRunner } from './runner.ts'
import { UNSAFE_ENV } from './sandbox.ts'

export function liveRunPlugin(options: LiveRunnerOptions = {}): Plugin {
  return {
    name: 'lesson:live-run',
    apply: 'serve',
    configureServer(server) {
      const log = server.config.logger
      const unconfined = options.sandbox?.unconfined ?? process.env[UNSAFE_ENV] === '1'
      const runner = createLiveRunner({
        ...options,
        sandbox: { ...options.sandbox, unconfined },
        onWarning: warning => log.warn(`live coding: ${warning}`, { timestamp: true }),
      })
      if (typeof runner.sandbox === 'string')
        log.warn(`live coding: ${LIVE_RUN_PATH} refuses to run code: ${runner.sandbox}`)
      else
        process.stdout.write(`  live coding: ${runner.sandbox.description}\n`)
      if (typeof runner.sandbox !== 'string' && runner.sandbox.warning)
        log.warn(`live coding: ${runner.sandbox.warning}`)
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
