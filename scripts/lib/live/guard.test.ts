import type { GuardRequest } from './guard.ts'
import { describe, expect, it } from 'vitest'
import { command as dev, serverEnv } from '../../dev.ts'
import { editingRoute, guardVerdict, kitFsAllow, listeningLine } from './guard.ts'

function own(overrides: Partial<GuardRequest> & { headers?: GuardRequest['headers'] } = {}): GuardRequest {
  return {
    method: 'POST',
    url: '/@server-ref/nav',
    localAddress: '127.0.0.1',
    localPort: 3030,
    ...overrides,
    headers: { 'host': 'localhost:3030', 'origin': 'http://localhost:3030', 'sec-fetch-site': 'same-origin', ...overrides.headers },
  }
}

describe('guardVerdict', () => {
  it('lets the deck\'s own page change state, under each of its loopback names and its listening address', () => {
    expect(guardVerdict(own(), { edit: false })).toBeNull()
    expect(guardVerdict(own({ headers: { 'host': '127.0.0.1:3030', 'origin': 'http://127.0.0.1:3030', 'sec-fetch-site': undefined } }), { edit: false })).toBeNull()
    expect(guardVerdict(own({ localAddress: '192.168.1.5', headers: { host: '192.168.1.5:3030', origin: 'http://192.168.1.5:3030' } }), { edit: false })).toBeNull()
    expect(guardVerdict(own({ localAddress: '::1', headers: { host: '[::1]:3030', origin: 'http://[::1]:3030' } }), { edit: false })).toBeNull()
  })

  it('refuses a cross-site text/plain POST to Slidev\'s slide route, with the flag or without', () => {
    for (const edit of [false, true]) {
      const verdict = guardVerdict(own({ url: '/__slidev/slides/1.json', headers: { 'origin': 'http://evil.example', 'content-type': 'text/plain', 'sec-fetch-site': 'cross-site' } }), { edit })
      expect(verdict?.status).toBe(403)
      expect(verdict?.reason).toMatch(edit ? /Origin `http:\/\/evil\.example`/ : /--edit/)
    }
  })

  it('refuses every method but GET and HEAD from another origin, another Host, another site or no Origin', () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'PROPFIND']) {
      for (const url of ['/', '/@server-ref/nav', '/@server-reactive/drawings', '/index.html', '/__slidev/anything']) {
        const bad: Array<GuardRequest['headers']> = [
          { origin: 'http://evil.example' },
          { origin: 'http://localhost:3031' },
          { origin: 'https://localhost:3030' },
          { origin: 'null' },
          { origin: undefined },
          { 'sec-fetch-site': 'cross-site' },
          { 'sec-fetch-site': 'same-site' },
          { host: 'evil.example:3030', origin: 'http://evil.example:3030' },
          { host: 'localhost:3031', origin: 'http://localhost:3031' },
          { host: undefined },
        ]
        for (const headers of bad)
          expect(guardVerdict(own({ method, url, headers }), { edit: true }), `${method} ${url} ${JSON.stringify(headers)}`).toMatchObject({ status: 403 })
      }
    }
    expect(guardVerdict(own({ method: 'GET', headers: { origin: 'http://evil.example' } }), { edit: false })).toBeNull()
  })

  it('keeps Slidev\'s file-writing routes off unless asked for, even from the deck\'s own page', () => {
    for (const [method, url] of [['POST', '/__slidev/slides/3.json'], ['GET', '/__mcp'], ['POST', '/__mcp'], ['POST', '/@server-reactive/snapshots?diff']] as const) {
      expect(guardVerdict(own({ method, url }), { edit: false })).toMatchObject({ status: 403, reason: expect.stringMatching(/npm run dev -- --edit/) })
      expect(guardVerdict(own({ method, url }), { edit: true })).toBeNull()
    }
    expect(guardVerdict(own({ method: 'GET', url: '/__slidev/slides/3.json' }), { edit: false })).toBeNull()
    expect(editingRoute('POST', '/@server-ref/nav')).toBeNull()
  })

  it('leaves the live-run endpoint to its own checks', () => {
    expect(guardVerdict(own({ url: '/api/rust/run', headers: { origin: 'http://evil.example' } }), { edit: false })).toBeNull()
  })

  it('accepts a tunnel\'s https origin only for hosts Vite was told to allow', () => {
    const tunnel = own({ headers: { host: 'abc.trycloudflare.com', origin: 'https://abc.trycloudflare.com' } })
    expect(guardVerdict(tunnel, { edit: false })).toMatchObject({ status: 403 })
    expect(guardVerdict(tunnel, { edit: false, allowedHosts: ['.trycloudflare.com'] })).toBeNull()
  })
})

describe('kitFsAllow', () => {
  it('keeps the kit and Slidev\'s packages, drops a workspace root above the kit', () => {
    expect(kitFsAllow('/home/me/ws/kit', ['/home/me/ws', '/home/me/ws/kit/node_modules/@slidev/client', '/opt/kit-src/node_modules/@slidev/cli', '/'])).toEqual(['/home/me/ws/kit', '/opt/kit-src/node_modules/@slidev/cli'])
  })
})

describe('listeningLine', () => {
  it('says loopback only, or that other machines can reach the deck', () => {
    expect(listeningLine({ address: '127.0.0.1', port: 3030, family: 'IPv4' }, false)).toMatch(/loopback only \(127\.0\.0\.1:3030\).*--edit/)
    expect(listeningLine({ address: '::1', port: 3030, family: 'IPv6' }, true)).toMatch(/loopback only \(\[::1\]:3030\)/)
    expect(listeningLine({ address: '0.0.0.0', port: 3030, family: 'IPv4' }, false)).toMatch(/0\.0\.0\.0:3030 \(`--remote`\): other machines/)
  })
})

describe('npm run dev', () => {
  it('carries --edit and --unsafe-live-runs to the dev server, and neither by default (nor from the calling shell)', () => {
    const parsed = dev.parse(['rc', '--edit'])
    if (parsed === 'help')
      throw new Error('parsed as --help')
    expect(serverEnv(parsed.values, { LESSON_DEV_EDIT: '1', LESSON_UNSAFE_LIVE_RUNS: '1' })).toMatchObject({ LESSON_DEV_EDIT: '1', LESSON_UNSAFE_LIVE_RUNS: '0' })
    const plain = dev.parse(['rc'])
    if (plain === 'help')
      throw new Error('parsed as --help')
    expect(serverEnv(plain.values, { LESSON_DEV_EDIT: '1' })).toMatchObject({ LESSON_DEV_EDIT: '0', LESSON_UNSAFE_LIVE_RUNS: '0' })
    expect(serverEnv({ 'edit': false, 'unsafe-live-runs': true }, {})).toMatchObject({ LESSON_UNSAFE_LIVE_RUNS: '1' })
  })
})
