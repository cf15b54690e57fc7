/**
 * One Slidev dev server per deck for a whole `vitest run` (vitest's
 * `globalSetup` of the kit project): test files that only present a deck
 * (the live-coding fixture, the lesson) share the server and its first
 * load, Vite's dependency optimisation included, instead of each starting
 * its own. Servers start when a file first asks for one (`sharedDevServer`
 * in `dev-server.ts`), so a run that needs none starts none; they stop when
 * the run ends.
 *
 * The test files run one at a time (`fileParallelism: false`), each in a
 * worker of its own: they reach this process through a loopback HTTP
 * endpoint whose address is provided as `devServers`.
 */
import type { TestProject } from 'vitest/node'
import type { DevServer } from './dev-server.ts'
import { createServer } from 'node:http'
import { startDevServer } from './dev-server.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    /** `http://127.0.0.1:<port>/`: `GET ?deck=<file>` answers a shared server's `{ origin, port, pid }`. */
    devServers: string
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const servers = new Map<string, Promise<DevServer>>()
  const broker = createServer((req, res) => {
    const deck = new URL(req.url ?? '/', 'http://broker').searchParams.get('deck')
    if (!deck) {
      res.writeHead(400).end('ask for ?deck=<file>')
      return
    }
    let server = servers.get(deck)
    if (!server) {
      server = startDevServer(180_000, { deck })
      servers.set(deck, server)
    }
    server.then(
      s => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ origin: s.origin, port: s.port, pid: s.pid })),
      (e: Error) => res.writeHead(500).end(e.message),
    )
  })
  // A dev server's first start can take minutes on a loaded machine.
  broker.requestTimeout = 0
  await new Promise<void>(resolve => broker.listen(0, '127.0.0.1', resolve))
  const address = broker.address()
  project.provide('devServers', `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`)
  return async () => {
    broker.close()
    await Promise.all([...servers.values()].map(s => s.then(d => d.close(), () => {})))
  }
}
