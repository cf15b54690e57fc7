import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Plugin } from 'vite'
/**
 * The exercises page in the dev server, as `npm run publish` writes it to
 * `dist/exercises/` (`./exercises.ts`): `/exercises/` lists each topic's
 * exercise, `/exercises/<topic>/starter.rs` is a starter, and both
 * workspaces download. Built from the snippets at each request, so an edit
 * of a starter shows on reload. Without it the dev server would answer
 * `/exercises/` with the deck's page.
 */
import { LessonError } from '../../core/errors.ts'
import { collectExercises, renderExercisesPage, SOLUTIONS_ARCHIVE, STARTERS_ARCHIVE, workspaceEntries } from './exercises.ts'
import { tarGz } from './tar.ts'

export const EXERCISES_PATH = '/exercises/'

/** What the dev server answers for `path` under `/exercises/`, or null for a path it has nothing at. */
export async function exercisesResponse(root: string, path: string): Promise<{ type: string, body: string | Uint8Array } | null> {
  const rest = path.slice(EXERCISES_PATH.length)
  const exercises = await collectExercises(root)
  if (!exercises.length)
    throw new LessonError('no exercise starters found (snippets/<topic>/src/bin/exercise.rs)')
  if (rest === '' || rest === 'index.html')
    return { type: 'text/html; charset=utf-8', body: renderExercisesPage(exercises) }
  if (rest === STARTERS_ARCHIVE || rest === SOLUTIONS_ARCHIVE)
    return { type: 'application/gzip', body: tarGz(await workspaceEntries(root, exercises, rest === STARTERS_ARCHIVE ? 'starter' : 'solution')) }
  const starter = /^([\w-]+)\/starter\.rs$/.exec(rest)
  const exercise = starter && exercises.find(e => e.topic.id === starter[1])
  return exercise ? { type: 'text/plain; charset=utf-8', body: exercise.starter } : null
}

export function exercisesPlugin(root: string): Plugin {
  return {
    name: 'lesson:exercises',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use((req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => {
        const path = (req.url ?? '').split(/[?#]/)[0]!
        if (req.method !== 'GET' || !(path === '/exercises' || path.startsWith(EXERCISES_PATH)))
          return next()
        if (path === '/exercises') {
          res.writeHead(301, { location: EXERCISES_PATH }).end()
          return
        }
        exercisesResponse(root, path).then((answer) => {
          if (!answer) {
            res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end(`no exercise file at ${path}`)
            return
          }
          res.writeHead(200, { 'content-type': answer.type, 'cache-control': 'no-store' }).end(answer.body)
        }, (error: unknown) => {
          server.config.logger.error(`exercises: ${(error as Error).message}`, { timestamp: true })
          res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end((error as Error).message)
        })
      })
    },
  }
}
