import type { AddressInfo } from 'node:net'
import type { LiveResponse } from '../../../core/live-contract.ts'
import type { LiveRunner } from './runner.ts'
import { createServer } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createLiveHandler, isLoopbackAddress, isOwnHost, isOwnOrigin } from './http.ts'
import { BusyError } from './runner.ts'

const ok: LiveResponse = { outcome: 'ok', stdout: 'hi\n', stderr: '', exitCode: 0, diagnostics: '', durationMs: 1, cached: false, stopped: null, truncated: false }
let mode: 'ok' | 'busy' | 'crash' = 'ok'
const calls: Array<{ code: string, fresh: boolean }> = []
const fake: LiveRunner = {
  sandbox: { kind: 'bubblewrap', uid: 65534, description: 'test', wrap: () => ({ command: '/bin/true', args: [] }) },
  directory: '/nonexistent',
  toolchain: async () => 'rustc test',
  load: () => ({ active: 0, queued: 0 }),
  close: async () => {},
  run: async (code, options) => {
    calls.push({ code, fresh: options?.fresh === true })
    if (mode === 'busy')
      throw new BusyError('2 runs in progress')
    if (mode === 'crash')
      throw new Error('disk full')
    return ok
  },
}

let port: number
const server = createServer((req, res) => {
  void createLiveHandler(fake)(req, res, () => res.writeHead(404).end('next'))
})

beforeAll(async () => {
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  port = (server.address() as AddressInfo).port
})
afterAll(() => new Promise<void>(resolve => server.close(() => resolve())))

async function post(body: string, headers: Record<string, string> = {}) {
  const r = await fetch(`http://127.0.0.1:${port}/api/rust/run`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'origin': `http://127.0.0.1:${port}`, ...headers },
    body,
  })
  return { status: r.status, json: await r.json() as LiveResponse }
}

describe('createLiveHandler', () => {
  it('passes { code, fresh } to the runner and answers its result', async () => {
    mode = 'ok'
    const r = await post(JSON.stringify({ code: 'fn main() {}', fresh: true }))
    expect(r).toEqual({ status: 200, json: ok })
    expect(calls.at(-1)).toEqual({ code: 'fn main() {}', fresh: true })
  })

  it('leaves other paths to the next middleware', async () => {
    const r = await fetch(`http://127.0.0.1:${port}/api/rust/other`)
    expect(await r.text()).toBe('next')
  })

  it('answers a full queue with 429 and a crash with 500, both JSON', async () => {
    mode = 'busy'
    const busy = await post(JSON.stringify({ code: 'x' }))
    expect(busy.status).toBe(429)
    expect(busy.json.error).toMatch(/too many runs/)
    mode = 'crash'
    const crash = await post(JSON.stringify({ code: 'x' }))
    expect(crash.status).toBe(500)
    expect(crash.json.error).toMatch(/disk full/)
    mode = 'ok'
  })

  it('refuses a foreign origin before reading the body', async () => {
    const before = calls.length
    const r = await post(JSON.stringify({ code: 'x' }), { origin: 'http://evil.example' })
    expect(r.status).toBe(403)
    expect(r.json.outcome).toBe('rejected')
    expect(calls.length).toBe(before)
  })
})

describe('who counts as the deck itself', () => {
  it('loopback addresses', () => {
    expect(['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1'].every(isLoopbackAddress)).toBe(true)
    expect(['10.0.0.1', '::ffff:10.0.0.1', '', undefined, '1270.0.0.1'].some(isLoopbackAddress)).toBe(false)
  })

  it('hosts and origins of this port only', () => {
    expect(isOwnHost('localhost:3030', 3030)).toBe(true)
    expect(isOwnHost('[::1]:3030', 3030)).toBe(true)
    expect(isOwnHost('localhost:3031', 3030)).toBe(false)
    expect(isOwnHost('evil.example:3030', 3030)).toBe(false)
    expect(isOwnHost('localhost', 3030)).toBe(false)
    expect(isOwnOrigin('http://localhost:3030', 3030)).toBe(true)
    expect(isOwnOrigin('https://localhost:3030', 3030)).toBe(false)
    expect(isOwnOrigin('http://localhost:3030/x', 3030)).toBe(false)
    expect(isOwnOrigin('null', 3030)).toBe(false)
  })
})
