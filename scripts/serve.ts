/**
 * `npm run serve [-- <dir>] [-- --port 8080]`
 *
 * Serves a published site (default `dist/`) on this machine only, at
 * http://127.0.0.1:<port>/, until Ctrl-C. A built deck opened as a file
 * (`file://`) shows a blank page: browsers do not load its scripts from
 * files, so a downloaded copy is viewed through a server like this one.
 */
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { LessonError } from '../core/errors.ts'
import { serveStatic } from './lib/static-server.ts'

const USAGE = 'usage: npm run serve [-- <dir>] [-- --port 8080]'

async function main(argv: string[]): Promise<void> {
  let parsed
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { port: { type: 'string', default: '8080' } } })
  }
  catch (error) {
    throw new LessonError(`${(error as Error).message}\n${USAGE}`)
  }
  const port = Number(parsed.values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new LessonError(`--port ${parsed.values.port} is not a port number\n${USAGE}`)
  if (parsed.positionals.length > 1)
    throw new LessonError(`one folder at most\n${USAGE}`)
  const root = fileURLToPath(new URL('..', import.meta.url))
  const dir = resolve(parsed.positionals[0] ?? join(root, 'dist'))
  if (!existsSync(join(dir, 'index.html')))
    throw new LessonError(`${dir} has no index.html: run \`npm run publish\` first, or name the folder of a published site`)
  const server = await serveStatic(dir, '/', port).catch((error: NodeJS.ErrnoException) => {
    throw error.code === 'EADDRINUSE' ? new LessonError(`port ${port} is taken: pass another with --port`) : error
  })
  console.error(`serve: ${dir} at ${server.url} (Ctrl-C stops)`)
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.on(signal, () => void server.close().then(() => process.exit(0)))
}

main(process.argv.slice(2)).catch((error) => {
  console.error(error instanceof LessonError ? `serve: ${error.message}` : error)
  process.exit(1)
})
