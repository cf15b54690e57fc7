import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
/**
 * A static file server for built decks, on loopback only: what a learner's
 * browser sees when the site is served from a sub-path. `sirv` serves the
 * files (content types, HEAD, Range, ETag, malformed escapes); this module
 * adds the base path and each deck's single-page fallback.
 */
import { existsSync } from 'node:fs'
import { createServer } from 'node:http'
import { join, resolve } from 'node:path'
import sirv from 'sirv'

export interface StaticServer {
  /** e.g. `http://127.0.0.1:41234/courses/rust/` */
  url: string
  close: () => Promise<void>
}

/**
 * The folder a missing path falls back to: the nearest one above it that
 * holds an `index.html` (`/rc/3` → `/rc/`), as a single-page app's history
 * routes need; null when there is none but the site's root.
 */
export function fallbackFolder(dir: string, path: string): string | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(path)
  }
  catch {
    return null
  }
  const parts = decoded.split('/').filter(p => p && p !== '.' && p !== '..')
  while (parts.length && !existsSync(join(dir, ...parts, 'index.html')))
    parts.pop()
  return parts.length ? `/${parts.map(encodeURIComponent).join('/')}/` : null
}

/**
 * Serves `dir` under `base` (e.g. `/courses/rust/`); anything outside the
 * base is a 404. Files are read from disk on each request, so a site
 * written after the server started is served as it is now. `port` 0 takes
 * any free port. With `compressed`, a file's `.gz` or `.br` beside it is sent
 * instead to a browser that accepts it, as a static host serves a site.
 */
export async function serveStatic(dir: string, base = '/', port = 0, options: { compressed?: boolean } = {}): Promise<StaticServer> {
  const root = resolve(dir)
  const files = sirv(root, { dev: true, etag: true, gzip: options.compressed, brotli: options.compressed })
  const notFound = (res: ServerResponse, why: string) => {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end(why)
  }
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const raw = req.url ?? '/'
    const query = raw.indexOf('?')
    const pathname = query === -1 ? raw : raw.slice(0, query)
    if (!pathname.startsWith(base)) {
      notFound(res, 'not under the base path')
      return
    }
    req.url = `/${raw.slice(base.length)}`
    files(req, res, () => {
      const folder = fallbackFolder(root, pathname.slice(base.length))
      if (!folder) {
        notFound(res, 'not found')
        return
      }
      req.url = folder
      files(req, res, () => notFound(res, 'not found'))
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', resolve)
  })
  const address = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${address.port}${base}`,
    close: () => new Promise((resolve) => {
      server.closeAllConnections()
      server.close(() => resolve())
    }),
  }
}
