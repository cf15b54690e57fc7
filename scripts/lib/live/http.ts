/**
 * `POST /api/rust/run` as Connect-style middleware for the dev server.
 *
 * The endpoint runs code on the presenter's machine, so it answers only a
 * page of the deck itself: the client must be on loopback, `Host` must name
 * this server (a DNS-rebinding page names its own host), `Origin` must be
 * this server (another site open in the browser has its own), and the body
 * must be JSON (a cross-site form cannot send that without a CORS preflight,
 * which is never granted). Every refusal is a JSON answer saying why.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { LiveResponse } from '../../../core/live-contract.ts'
import type { LiveRunner } from './runner.ts'
import { Buffer } from 'node:buffer'
import { LIVE_RUN_PATH } from '../../../core/live-contract.ts'
import { BusyError, rejected } from './runner.ts'

export interface LiveHandlerOptions {
  /** Largest request body read, in bytes. Default 256 KiB. */
  maxBodyBytes?: number
  /** Called with each request's answer, for a log line. */
  onAnswer?: (status: number, answer: LiveResponse) => void
}

type Next = (error?: unknown) => void

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]'])

/** True for 127.0.0.0/8 and ::1, plain or IPv4-mapped. */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address)
    return false
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address
  return address === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4)
}

/** `localhost:PORT`, `127.0.0.1:PORT` or `[::1]:PORT` for this server's port. */
export function isOwnHost(host: string | undefined, port: number): boolean {
  if (!host)
    return false
  const match = /^(.+):(\d+)$/.exec(host.toLowerCase())
  return !!match && LOOPBACK_NAMES.has(match[1]!) && Number(match[2]) === port
}

/** `http://<own host>`: the deck's own page, not another site. */
export function isOwnOrigin(origin: string | undefined, port: number): boolean {
  if (!origin)
    return false
  let url: URL
  try {
    url = new URL(origin)
  }
  catch {
    return false
  }
  return url.protocol === 'http:' && url.origin === origin.toLowerCase() && isOwnHost(url.host, port)
}

function send(res: ServerResponse, status: number, answer: LiveResponse, extra: Record<string, string> = {}): void {
  const body = JSON.stringify(answer)
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(body)),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...extra,
  })
  res.end(body)
}

/** Reads at most `max` bytes; `null` when the body is larger (the rest is drained, not kept). */
function readBody(req: IncomingMessage, max: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size <= max)
        chunks.push(chunk)
      // Far beyond the limit: stop reading rather than drain a huge upload.
      else if (size > max * 64)
        req.destroy()
    })
    req.on('end', () => resolve(size > max ? null : Buffer.concat(chunks)))
    req.on('close', () => resolve(size > max ? null : Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

export function createLiveHandler(runner: LiveRunner, options: LiveHandlerOptions = {}) {
  const maxBody = options.maxBodyBytes ?? 256 * 1024
  const decoder = new TextDecoder('utf-8', { fatal: true })

  return async function liveHandler(req: IncomingMessage, res: ServerResponse, next: Next): Promise<void> {
    const path = (req.url ?? '').split('?')[0]
    if (path !== LIVE_RUN_PATH) {
      next()
      return
    }
    const refuse = (status: number, error: string, extra: Record<string, string> = {}) => {
      const answer = rejected(error)
      options.onAnswer?.(status, answer)
      // Unread body bytes are drained so the connection stays usable.
      req.resume()
      send(res, status, answer, extra)
    }
    const port = req.socket.localPort ?? 0
    if (!isLoopbackAddress(req.socket.remoteAddress))
      return refuse(403, `live runs answer only this machine (loopback); the request came from ${req.socket.remoteAddress}`)
    if (!isOwnHost(req.headers.host, port))
      return refuse(403, `Host \`${req.headers.host ?? ''}\` is not this dev server (expected localhost:${port}); a page reaching it under another name is refused`)
    const origin = req.headers.origin
    if (!isOwnOrigin(origin, port))
      return refuse(403, origin ? `Origin \`${origin}\` is not this deck (http://localhost:${port}); other pages may not run code here` : 'the request has no Origin header; only the deck\'s own pages may run code here')
    const fetchSite = req.headers['sec-fetch-site']
    if (fetchSite && fetchSite !== 'same-origin')
      return refuse(403, `Sec-Fetch-Site is \`${fetchSite}\`; only the deck's own pages may run code here`)
    if (req.method !== 'POST')
      return refuse(405, `method ${req.method} is not allowed; send POST with a JSON body { "code": "..." }`, { allow: 'POST' })
    const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase()
    if (type !== 'application/json')
      return refuse(415, `Content-Type must be application/json, not \`${req.headers['content-type'] ?? '(none)'}\``)
    const declared = Number(req.headers['content-length'] ?? 0)
    if (declared > maxBody)
      return refuse(413, `the body is ${declared} bytes; the limit is ${maxBody}`)

    let body: Buffer | null
    try {
      body = await readBody(req, maxBody)
    }
    catch (error) {
      return refuse(400, `the body could not be read: ${(error as Error).message}`)
    }
    if (body === null)
      return refuse(413, `the body is larger than ${maxBody} bytes`)
    let text: string
    try {
      text = decoder.decode(body)
    }
    catch {
      return refuse(400, 'the body is not valid UTF-8')
    }
    let parsed: unknown
    try {
      parsed = JSON.parse(text)
    }
    catch (error) {
      return refuse(400, `the body is not valid JSON: ${(error as Error).message}`)
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
      return refuse(400, 'the body must be a JSON object { "code": "..." }')
    const fields = parsed as Record<string, unknown>
    const unknown = Object.keys(fields).filter(k => k !== 'code' && k !== 'fresh')
    if (unknown.length)
      return refuse(400, `unknown field${unknown.length > 1 ? 's' : ''} ${unknown.map(k => `\`${k}\``).join(', ')}; the body is { "code": string, "fresh"?: boolean }`)
    if (typeof fields.code !== 'string')
      return refuse(400, `\`code\` must be a string, not ${fields.code === null ? 'null' : typeof fields.code}`)
    if (fields.fresh !== undefined && typeof fields.fresh !== 'boolean')
      return refuse(400, '`fresh` must be true or false')

    if (typeof runner.sandbox === 'string')
      return refuse(503, `live runs are disabled on this machine: ${runner.sandbox}`)
    let answer: LiveResponse
    try {
      answer = await runner.run(fields.code, { fresh: fields.fresh === true })
    }
    catch (error) {
      if (error instanceof BusyError)
        return refuse(429, `too many runs at once: ${error.message}`, { 'retry-after': '1' })
      return refuse(500, `the runner failed: ${(error as Error).message}`)
    }
    const status = answer.outcome === 'rejected' ? 413 : 200
    options.onAnswer?.(status, answer)
    send(res, status, answer)
  }
}
