/**
 * The dev server against the pages a presenter's browser may also have
 * open: a copy of the kit, kept inside a workspace folder (as a kit cloned
 * into a monorepo would be), served as `npm run dev` serves it. Another site
 * must not write the deck, `/@fs/` must not reach above the kit, and the
 * server must listen on loopback only.
 */
import type { KitCopy } from '../../scripts/lib/kit-copy.ts'
import type { DevServer } from './dev-server.ts'
import { Buffer } from 'node:buffer'
import { mkdtempSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { connect } from 'node:net'
import { networkInterfaces, tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { copyKitWithCode } from '../../scripts/lib/kit-copy.ts'
import { startDevServer } from './dev-server.ts'

let workspace: string
let kit: KitCopy
let root: string
let deck: string
let server: DevServer

interface Answer { status: number, text: string }

function send(method: string, path: string, headers: Record<string, string | undefined>, body?: string): Promise<Answer> {
  const sent: Record<string, string> = {}
  for (const [name, value] of Object.entries({ host: `localhost:${server.port}`, ...headers })) {
    if (value !== undefined)
      sent[name] = value
  }
  if (body !== undefined)
    sent['content-length'] = String(Buffer.byteLength(body))
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, method, path, headers: sent, timeout: 60_000 }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }))
    })
    req.on('error', reject)
    req.end(body)
  })
}

/** What a planted slide would be: a script that runs in the deck's own origin. */
const PLANTED = JSON.stringify({ content: '# planted\n\n<script setup>\nfetch(\'/api/rust/run\', { method: \'POST\' })\n</script>\n' })

function deckState(): { text: string, mtimeMs: number } {
  return { text: readFileSync(deck, 'utf8'), mtimeMs: statSync(deck).mtimeMs }
}

beforeAll(async () => {
  workspace = mkdtempSync(join(tmpdir(), 'lesson-workspace-'))
  // A workspace marker: Vite widens `server.fs.allow` to this folder.
  writeFileSync(join(workspace, 'pnpm-workspace.yaml'), 'packages:\n  - kit\n')
  writeFileSync(join(workspace, 'secret.txt'), 'a file beside the kit, not of it\n', { mode: 0o600 })
  kit = await copyKitWithCode()
  root = join(workspace, 'kit')
  renameSync(kit.root, root)
  deck = join(root, 'tests', 'fixtures', 'live.md')
  server = await startDevServer(180_000, { root, deck })
})

afterAll(async () => {
  await server?.close()
  if (workspace)
    rmSync(workspace, { recursive: true, force: true })
})

describe('writes from other pages', () => {
  it('refuses a cross-site text/plain POST to /__slidev/slides/1.json and leaves the deck file as it was', async () => {
    const before = deckState()
    const answer = await send('POST', '/__slidev/slides/1.json', { 'origin': 'http://evil.example', 'content-type': 'text/plain', 'sec-fetch-site': 'cross-site' }, PLANTED)
    expect(answer.status, answer.text).toBe(403)
    await new Promise(resolve => setTimeout(resolve, 500))
    expect(deckState()).toEqual(before)
    const slide = await send('GET', '/__slidev/slides/1.json', {})
    expect(slide.text).not.toContain('planted')
  })

  it('refuses the same write from the deck\'s own page, because editing is off without --edit', async () => {
    const before = deckState()
    const answer = await send('POST', '/__slidev/slides/1.json', { 'origin': server.origin, 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' }, PLANTED)
    expect(answer.status, answer.text).toBe(403)
    expect(answer.text).toMatch(/npm run dev -- --edit/)
    expect(deckState()).toEqual(before)
    expect((await send('POST', '/__mcp', { 'origin': server.origin, 'content-type': 'application/json' }, '{}')).status).toBe(403)
  })

  it('refuses a state change on any route from another origin, another site, another Host or no Origin; the deck\'s own page still syncs', async () => {
    const nav = JSON.stringify({ data: { page: 2, clicks: 0 }, timestamp: Date.now() })
    const refused: Array<Record<string, string | undefined>> = [
      { origin: 'http://evil.example' },
      { origin: undefined },
      { 'origin': server.origin, 'sec-fetch-site': 'cross-site' },
      { host: `evil.example:${server.port}`, origin: `http://evil.example:${server.port}` },
    ]
    for (const path of ['/@server-ref/nav', '/', '/index.html']) {
      for (const headers of refused) {
        const answer = await send('POST', path, { 'content-type': 'text/plain', ...headers }, nav)
        expect(answer.status, `${path} ${JSON.stringify(headers)}: ${answer.text}`).toBe(403)
      }
    }
    const own = await send('POST', '/@server-ref/nav', { 'origin': server.origin, 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' }, nav)
    expect(own.status, own.text).toBe(200)
  })
})

describe('what the server shows and where it listens', () => {
  it('serves /@fs/ from the kit only, not from the workspace above it', async () => {
    expect((await send('GET', `/@fs${root}/package.json`, {})).status).toBe(200)
    const beside = await send('GET', `/@fs${workspace}/secret.txt`, {})
    expect(beside.text).not.toContain('not of it')
    expect(beside.status).toBe(403)
    expect((await send('GET', '/@fs/etc/passwd', {})).status).toBe(403)
  })

  it('listens on loopback only, and says so', async () => {
    expect(server.log()).toMatch(/dev server: listening on loopback only/)
    const others = Object.values(networkInterfaces()).flat().filter(i => i && !i.internal && i.family === 'IPv4').map(i => i!.address)
    for (const address of others) {
      const reached = await new Promise<boolean>((resolve) => {
        const socket = connect({ host: address, port: server.port, timeout: 3000 }, () => {
          socket.destroy()
          resolve(true)
        })
        socket.on('error', () => resolve(false))
        socket.on('timeout', () => {
          socket.destroy()
          resolve(false)
        })
      })
      expect(reached, `${address}:${server.port} answered`).toBe(false)
    }
  })
})
