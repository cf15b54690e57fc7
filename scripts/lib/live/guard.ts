/**
 * The dev server guards the presenter's machine from every other page the
 * presenter's browser opens. Slidev's dev server writes the deck file on a
 * `POST /__slidev/slides/N.json`, and a plain cross-site form (`text/plain`,
 * no CORS preflight) can send one; a slide written that way runs its own
 * code from the deck's origin. So, ahead of every other middleware:
 *
 * - a request that may change state (any method but GET and HEAD, on any
 *   route, Slidev's and the kit's) is refused unless it comes from the dev
 *   server's own page: `Host` names this server (a loopback name, or the
 *   address it listens on, with its port), `Origin` is `http://` + that
 *   host, and `Sec-Fetch-Site`, when the browser sends it, is `same-origin`;
 * - Slidev's routes that write files (the slide editor, the MCP server, the
 *   slide snapshots) are off unless the presenter asks for them
 *   (`npm run dev -- --edit`);
 * - `/@fs/` serves only files of the kit (Vite's `server.fs.allow`, strict);
 * - the address the server listens on is said at start: loopback only
 *   unless `--remote` asked for more.
 *
 * `POST /api/rust/run` has its own, stricter checks and JSON answers
 * (`http.ts`); the guard leaves it to them.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Plugin } from 'vite'
import { Buffer } from 'node:buffer'
import { isAbsolute, relative, resolve, sep } from 'node:path'
import { editingRoute } from '../../../adapter/slidev/routes.ts'
import { LIVE_RUN_PATH } from '../../../core/live-contract.ts'
import { isLoopbackAddress, isOwnHost } from './http.ts'

export { editingRoute }

/** The flag that turns Slidev's file-writing routes on, and the environment variable that carries it to the dev server. */
export const EDIT_FLAG = '--edit'
export const EDIT_ENV = 'LESSON_DEV_EDIT'

/** What the guard needs of a request: plain data, so the rules can be tested without a server. */
export interface GuardRequest {
  method: string
  url: string
  headers: Record<string, string | string[] | undefined>
  /** The address and port the connection arrived on. */
  localAddress: string
  localPort: number
}

export interface GuardOptions {
  /** Slidev's file-writing routes are on (`--edit`). */
  edit: boolean
  /** Vite's `server.allowedHosts` when it is a list (e.g. a tunnel's domain); `https://` origins are accepted for these. */
  allowedHosts?: readonly string[]
}

function header(headers: GuardRequest['headers'], name: string): string | undefined {
  const value = headers[name]
  return Array.isArray(value) ? value[0] : value
}

/** `host:port` as a URL writes it: IPv6 in brackets. */
function hostPort(address: string, port: number): string {
  const plain = address.startsWith('::ffff:') ? address.slice(7) : address
  return plain.includes(':') ? `[${plain}]:${port}` : `${plain}:${port}`
}

/** Vite's rule for `allowedHosts`: `.example.com` is the domain and every subdomain. */
function allowedHost(hostname: string, allowed: readonly string[]): boolean {
  return allowed.some(entry => entry.startsWith('.') ? hostname === entry.slice(1) || hostname.endsWith(entry) : hostname === entry)
}

/** The host names this server answers state-changing requests under, and whether `https:` origins count. */
function ownHost(host: string | undefined, request: GuardRequest, options: GuardOptions): { ok: boolean, https: boolean } {
  if (!host)
    return { ok: false, https: false }
  const lower = host.toLowerCase()
  if (isOwnHost(lower, request.localPort) || lower === hostPort(request.localAddress, request.localPort))
    return { ok: true, https: false }
  const hostname = lower.replace(/:\d+$/, '')
  if (options.allowedHosts && allowedHost(hostname, options.allowedHosts))
    return { ok: true, https: true }
  return { ok: false, https: false }
}

/** Why `request` is refused (status and one sentence), or null when it may go on. */
export function guardVerdict(request: GuardRequest, options: GuardOptions): { status: number, reason: string } | null {
  const path = request.url.split('?')[0] ?? ''
  if (path === LIVE_RUN_PATH)
    return null
  const method = request.method.toUpperCase()
  const editing = editingRoute(method, path)
  if (editing && !options.edit)
    return { status: 403, reason: `${editing} is off: start the dev server with \`npm run dev -- ${EDIT_FLAG}\` to edit the deck from the browser` }
  if (method === 'GET' || method === 'HEAD')
    return null
  const host = header(request.headers, 'host')
  const own = ownHost(host, request, options)
  if (!own.ok)
    return { status: 403, reason: `${method} ${path} refused: Host \`${host ?? ''}\` is not this dev server (a page reaching it under another name is refused)` }
  const origin = header(request.headers, 'origin')
  const expected = [`http://${host!.toLowerCase()}`, ...own.https ? [`https://${host!.toLowerCase()}`] : []]
  if (!origin || !expected.includes(origin.toLowerCase()))
    return { status: 403, reason: `${method} ${path} refused: ${origin ? `Origin \`${origin}\` is not this dev server's page (${expected[0]})` : 'the request has no Origin header'}; only the deck's own pages may change anything here` }
  const site = header(request.headers, 'sec-fetch-site')
  if (site && site !== 'same-origin')
    return { status: 403, reason: `${method} ${path} refused: Sec-Fetch-Site is \`${site}\`; only the deck's own pages may change anything here` }
  return null
}

/** Connect-style middleware applying `guardVerdict`; refusals are plain text, one sentence. */
export function createGuard(options: GuardOptions, onRefuse?: (reason: string) => void) {
  return function guard(req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void): void {
    const verdict = guardVerdict({
      method: req.method ?? 'GET',
      url: req.url ?? '/',
      headers: req.headers,
      localAddress: req.socket.localAddress ?? '',
      localPort: req.socket.localPort ?? 0,
    }, options)
    if (!verdict) {
      next()
      return
    }
    onRefuse?.(verdict.reason)
    // Unread body bytes are drained so the connection stays usable.
    req.resume()
    const body = `${verdict.reason}\n`
    res.writeHead(verdict.status, {
      'content-type': 'text/plain; charset=utf-8',
      'content-length': String(Buffer.byteLength(body)),
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    })
    res.end(body)
  }
}

/** Whether `path` is `root` or inside it. */
function inside(path: string, root: string): boolean {
  const rel = relative(root, path)
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))
}

/**
 * The folders `/@fs/` may serve: the kit, and of the rest of Slidev's list
 * only its own packages (inside a `node_modules` folder, where a kit served
 * from a copy finds Slidev's client). A workspace root above the kit, which
 * Vite would add, is left out.
 */
export function kitFsAllow(kitRoot: string, slidevAllow: readonly string[]): string[] {
  const root = resolve(kitRoot)
  const kept = slidevAllow.map(p => resolve(p)).filter(p => inside(p, root) || p.split(sep).includes('node_modules'))
  return [root, ...kept.filter(p => !inside(p, root))]
}

/** One line on where the server listens: loopback only, or every machine that can reach it. */
export function listeningLine(address: AddressInfo | string | null, edit: boolean): string {
  const edits = edit ? `editing from the browser is on (${EDIT_FLAG})` : `editing from the browser is off (\`npm run dev -- ${EDIT_FLAG}\` turns it on)`
  if (!address || typeof address === 'string')
    return `dev server: listening on ${address ?? 'an unknown address'}; ${edits}`
  const where = hostPort(address.address, address.port)
  if (isLoopbackAddress(address.address))
    return `dev server: listening on loopback only (${where}): no other machine can open the deck; ${edits}`
  return `dev server: listening on ${where} (\`--remote\`): other machines on the network can open the deck and follow it; changes are accepted only from the deck's own pages; ${edits}`
}

/** The guard as a Vite plugin: first middleware, `/@fs/` confined to the kit, the listening address said. */
export function devGuardPlugin(kitRoot: string, options: { edit?: boolean } = {}): Plugin {
  const edit = options.edit ?? process.env[EDIT_ENV] === '1'
  return {
    name: 'lesson:dev-guard',
    apply: 'serve',
    enforce: 'post',
    configResolved(config) {
      // Resolved after Slidev's own config hook: its list is replaced in place, Vite reads it per request.
      const allow = config.server.fs.allow
      allow.splice(0, allow.length, ...kitFsAllow(kitRoot, allow))
      config.server.fs.strict = true
    },
    configureServer(server) {
      const log = server.config.logger
      const allowed = server.config.server.allowedHosts
      const guard = createGuard({ edit, allowedHosts: Array.isArray(allowed) ? allowed : undefined }, reason => log.warn(`dev server: ${reason}`, { timestamp: true }))
      server.middlewares.stack.unshift({ route: '', handle: guard })
      // Printed whatever the log level: Slidev's default (`warn`) hides info lines.
      server.httpServer?.once('listening', () => process.stdout.write(`  ${listeningLine(server.httpServer?.address() ?? null, edit)}\n`))
    },
  }
}
