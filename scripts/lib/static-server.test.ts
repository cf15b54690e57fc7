import type { StaticServer } from './static-server.ts'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { serveStatic } from './static-server.ts'

let dir: string
let server: StaticServer

async function put(path: string, text: string): Promise<void> {
  await mkdir(dirname(join(dir, path)), { recursive: true })
  await writeFile(join(dir, path), text)
}

/** A raw request: `fetch` would normalise the path (`..`, bad escapes) before sending it. */
function get(path: string, init: { method?: string, headers?: Record<string, string> } = {}): Promise<{ status: number, body: string, headers: Record<string, string | string[] | undefined> }> {
  const { port } = new URL(server.url)
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: init.method ?? 'GET', headers: init.headers }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => body += chunk)
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }))
    })
    req.on('error', reject)
    req.end()
  })
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'static-server-'))
  await put('index.html', '<p>site</p>')
  await put('rc/index.html', '<p>rc deck</p>')
  await put('rc/assets/app.js', 'console.log("rc")')
  await put('pdf/rc.pdf', '0123456789')
  server = await serveStatic(dir, '/courses/rust/')
})

afterAll(async () => {
  await server?.close()
  await rm(dir, { recursive: true, force: true })
})

describe('serveStatic', () => {
  it('serves files under the base path with their content type', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/courses\/rust\/$/)
    const index = await get('/courses/rust/')
    expect(index.status).toBe(200)
    expect(index.body).toBe('<p>site</p>')
    expect(index.headers['content-type']).toMatch(/^text\/html/)
    const js = await get('/courses/rust/rc/assets/app.js?v=1')
    expect(js.status).toBe(200)
    expect(js.headers['content-type']).toMatch(/javascript/)
  })

  it('answers 404 outside the base path and for paths leaving the folder', async () => {
    expect((await get('/rc/index.html')).status).toBe(404)
    const escape = await get('/courses/rust/../../../../etc/passwd')
    expect(escape.status).toBe(404)
    expect(escape.body).not.toMatch(/root:/)
  })

  it('falls back to the nearest deck folder for a history route', async () => {
    const route = await get('/courses/rust/rc/3')
    expect(route.status).toBe(200)
    expect(route.body).toBe('<p>rc deck</p>')
    expect((await get('/courses/rust/nothing/here')).status).toBe(404)
  })

  it('survives a malformed percent escape', async () => {
    const bad = await get('/courses/rust/rc/%E0%A4%A')
    expect([200, 404]).toContain(bad.status)
    expect((await get('/courses/rust/')).status).toBe(200)
  })

  it('answers HEAD without a body and Range with the bytes asked for', async () => {
    const head = await get('/courses/rust/pdf/rc.pdf', { method: 'HEAD' })
    expect(head.status).toBe(200)
    expect(head.headers['content-length']).toBe('10')
    expect(head.body).toBe('')
    const part = await get('/courses/rust/pdf/rc.pdf', { headers: { range: 'bytes=2-5' } })
    expect(part.status).toBe(206)
    expect(part.body).toBe('2345')
    expect(part.headers['content-range']).toBe('bytes 2-5/10')
  })

  it('serves a file written after it started', async () => {
    await put('late/index.html', '<p>late</p>')
    expect((await get('/courses/rust/late/')).body).toBe('<p>late</p>')
  })
})
