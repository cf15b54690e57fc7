import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
/**
 * A small static file server for built decks, on loopback only: what a
 * learner's browser sees when the site is served from a sub-path.
 */
import { createReadStream, existsSync, statSync } from 'node:fs'
import { createServer } from 'node:http'
import { extname, join, normalize } from 'node:path'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.pdf': 'application/pdf',
  '.zip': 'application/zip',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
}

export interface StaticServer {
  /** e.g. `http://127.0.0.1:41234/courses/rust/` */
  url: string
  close: () => Promise<void>
}

/**
 * Serves `dir` under `base` (e.g. `/courses/rust/`). A path with no file
 * falls back to the `index.html` of the nearest deck folder above it, as a
 * single-page app's history routes need.
 */
export async function serveStatic(dir: string, base = '/'): Promise<StaticServer> {
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    let path = decodeURIComponent(url.pathname)
    if (!path.startsWith(base)) {
      res.writeHead(404).end('not under the base path')
      return
    }
    path = normalize(`/${path.slice(base.length)}`)
    let file = join(dir, path)
    if (existsSync(file) && statSync(file).isDirectory())
      file = join(file, 'index.html')
    if (!existsSync(file)) {
      // SPA fallback: /rc/3 → /rc/index.html
      const parts = path.split('/').filter(Boolean)
      while (parts.length && !existsSync(join(dir, ...parts, 'index.html')))
        parts.pop()
      file = join(dir, ...parts, 'index.html')
      if (!parts.length || !existsSync(file)) {
        res.writeHead(404).end('not found')
        return
      }
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' })
    createReadStream(file).pipe(res)
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}${base}`,
    close: () => new Promise((resolve) => {
      server.close(() => resolve())
      // Kept-alive connections would otherwise keep serving (and keep close waiting).
      server.closeAllConnections()
    }),
  }
}
