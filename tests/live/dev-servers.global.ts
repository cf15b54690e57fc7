/**
 * One Slidev dev server per deck for a whole `vitest run` (vitest's
 * `globalSetup` of the kit project): test files that only present a deck
 * (the live-coding fixture's browser, safety and sync tests) share the server and its first
 * load, Vite's dependency optimisation included, instead of each starting
 * its own. Servers start when a file first asks for one (`sharedDevServer`
 * in `dev-server.ts`), so a run that needs none starts none; they stop when
 * the run ends.
 *
 * The test files run one at a time (`fileParallelism: false`), each in a
 * worker of its own: they reach this process through a loopback HTTP
 * endpoint whose address is provided as `devServers`.
 *
 * Each file gets the server as if fresh: the presentation's shared state
 * (Slidev's `nav`: the presenter's slide and clicks, which every audience
 * window follows) is put back to what the server started with, so a file
 * that presented from presenter view does not move the next file's pages.
 */
import type { TestProject } from 'vitest/node'
import type { DevServer } from './dev-server.ts'
import { Buffer } from 'node:buffer'
import { createServer, request } from 'node:http'
import { initialSharedState, SHARED_STATE_URL, sharedStateBody } from '../../adapter/slidev/shared-state.ts'
import { startDevServer } from './dev-server.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    /** `http://127.0.0.1:<port>/`: `GET ?deck=<file>` answers a shared server's `{ origin, port, pid }`. */
    devServers: string
  }
}

/** A server's shared state as it started: the state module's initial value. */
async function initialState(server: DevServer): Promise<string> {
  const value = initialSharedState(await (await fetch(`${server.origin}${SHARED_STATE_URL}`)).text())
  if (!value)
    throw new Error(`${server.origin}${SHARED_STATE_URL} no longer starts its state as \`const data = reactive(…)\`: the shared dev servers cannot reset it`)
  return value
}

/** Puts the server's shared state back to `state`, as its own page would post it. */
function resetState(server: DevServer, state: string): Promise<void> {
  const body = sharedStateBody(state)
  return new Promise((resolve, reject) => {
    const req = request(`${server.origin}${SHARED_STATE_URL}`, { method: 'POST', headers: { 'origin': server.origin, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      res.resume()
      res.on('end', () => res.statusCode === 200 ? resolve() : reject(new Error(`resetting ${server.origin}${SHARED_STATE_URL}: ${res.statusCode}`)))
    })
    req.on('error', reject)
    req.end(body)
  })
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const servers = new Map<string, Promise<{ server: DevServer, initial: string }>>()
  const broker = createServer((req, res) => {
    const deck = new URL(req.url ?? '/', 'http://broker').searchParams.get('deck')
    if (!deck) {
      res.writeHead(400).end('ask for ?deck=<file>')
      return
    }
    let server = servers.get(deck)
    if (!server) {
      server = startDevServer(180_000, { deck }).then(async s => ({ server: s, initial: await initialState(s) }))
      servers.set(deck, server)
    }
    server.then(async ({ server: s, initial }) => {
      await resetState(s, initial)
      return s
    }).then(
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
    await Promise.all([...servers.values()].map(s => s.then(({ server }) => server.close(), () => {})))
  }
}
