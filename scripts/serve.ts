/**
 * `npm run serve [-- <dir>] [-- --port 8080]`
 *
 * Serves a published site (default `dist/`) on this machine only, at
 * http://127.0.0.1:<port>/, until Ctrl-C.
 */
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { LessonError } from '../core/errors.ts'
import { defineCommand } from './lib/command.ts'
import { serveStatic } from './lib/static-server.ts'

export const command = defineCommand({
  name: 'serve',
  summary: 'serves a published site on this machine only, until Ctrl-C',
  usage: 'npm run serve [-- <dir>] [-- --port 8080]',
  positionals: [{ name: 'dir', description: 'the folder of a published site (default: dist/)', optional: true }],
  options: {
    port: { type: 'string', value: 'port', default: '8080', description: 'the port on 127.0.0.1' },
  },
  examples: ['npm run serve', 'npm run serve -- ~/Downloads/lesson-2.2 --port 4000'],
  async run({ values, positionals }) {
    const port = Number(values.port)
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new LessonError(`--port ${values.port} is not a port number`)
    const root = fileURLToPath(new URL('..', import.meta.url))
    const dir = resolve(positionals[0] ?? join(root, 'dist'))
    if (!existsSync(join(dir, 'index.html')))
      throw new LessonError(`${dir} has no index.html: run \`npm run publish\` first, or name the folder of a published site`)
    const server = await serveStatic(dir, '/', port).catch((error: NodeJS.ErrnoException) => {
      throw error.code === 'EADDRINUSE' ? new LessonError(`port ${port} is taken: pass another with --port`) : error
    })
    console.error(`serve: ${dir} at ${server.url} (Ctrl-C stops)`)
    await new Promise<void>((done) => {
      for (const signal of ['SIGINT', 'SIGTERM'] as const)
        process.on(signal, () => void server.close().then(done))
    })
  },
})

command.mainIfEntry(import.meta.url)
