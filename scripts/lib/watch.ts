import type { Plugin } from 'vite'
import type { CheckReport } from './check.ts'
/**
 * Watch mode for `npm run dev`: saving a file under `snippets/`, or a deck
 * in `slides/`, runs the check again (debounced; unchanged snippets come
 * from its cache), which rewrites the lesson model and the captures in it;
 * `vite-snippets.ts` then pushes the new captures to every open
 * slide without a reload, and `virtual:quizzes` is rebuilt from the model.
 * A snippet that starts failing its promise is one line in the terminal
 * (its slides get a badge).
 */
import { join, relative, sep } from 'node:path'
import { runCheck } from './check.ts'
import { readLessonModel } from './lesson-model.ts'

export interface WatchOptions {
  /** Quiet time after the last save before the check runs. */
  debounceMs?: number
  /** The check to run; tests may pass their own. */
  check?: (root: string) => Promise<CheckReport>
}

/** What a save may change: programs, expected outputs and recordings, crate manifests. */
const WATCHED = /\.(?:rs|stdout|trace|toml)$/
/** A deck: its questions, snippet references and time plan are in the lesson model. */
const DECK = /\.md$/

/** Each snippet's verdict in the last check's lesson model; none before the first check. */
function statuses(root: string): Map<string, string> {
  try {
    return new Map(Object.entries(readLessonModel(root).captures).map(([id, c]) => [id, c.status]))
  }
  catch {
    return new Map()
  }
}

export function watchPlugin(root: string, options: WatchOptions = {}): Plugin {
  const debounceMs = options.debounceMs ?? 150
  const check = options.check ?? (r => runCheck({ root: r }))
  const dir = join(root, 'snippets')
  const slides = join(root, 'slides')
  return {
    name: 'lesson:watch',
    apply: 'serve',
    configureServer(server) {
      const logger = server.config.logger
      let before = statuses(root)
      let timer: ReturnType<typeof setTimeout> | undefined
      let running = false
      let again = false
      const changed = new Set<string>()

      async function go(): Promise<void> {
        if (running) {
          again = true
          return
        }
        running = true
        const files = [...changed].map(f => relative(root, f))
        changed.clear()
        const started = performance.now()
        try {
          const report = await check(root)
          for (const s of report.snippets) {
            const was = before.get(s.id)
            if (s.status === 'failed' && was !== 'failed')
              logger.warn(`watch: ✕ ${s.id} now fails its promise: ${s.failures[0] ?? 'see npm run check'}`, { timestamp: true })
            else if (s.status === 'passed' && was === 'failed')
              logger.info(`watch: ✓ ${s.id} keeps its promise again`, { timestamp: true })
          }
          for (const p of report.problems)
            logger.warn(`watch: ✕ ${p.split('\n')[0]}`, { timestamp: true })
          before = new Map(report.snippets.map(s => [s.id, s.status]))
          logger.info(`watch: ${files.join(', ')} → checked in ${Math.round(performance.now() - started)} ms (${report.passed} passed, ${report.failed} failed)`, { timestamp: true })
        }
        catch (error) {
          logger.error(`watch: the check stopped: ${(error as Error).message}`, { timestamp: true })
        }
        finally {
          running = false
          if (again) {
            again = false
            void go()
          }
        }
      }

      server.watcher.add(dir)
      server.watcher.on('all', (_event, path) => {
        // Build output (`snippets/target/`) changes as the check itself runs.
        const snippet = path.startsWith(dir + sep) && !path.includes(`${sep}target${sep}`) && WATCHED.test(path)
        const deck = path.startsWith(slides + sep) && DECK.test(path)
        if (!snippet && !deck)
          return
        changed.add(path)
        clearTimeout(timer)
        timer = setTimeout(() => void go(), debounceMs)
      })
    },
  }
}
