/**
 * The learner's offline copies, written by `npm run publish` after the
 * decks are built:
 *
 * - each deck is its chunked build (`index.html` and `assets/`, for hosted
 *   learners) and its single-file copy (`offline.html`, for the copy opened
 *   from disk; see `single-file.ts`); both gain a link to the web app
 *   manifest and a classic inline script that registers the service worker
 *   when the deck is served over http(s), once the page has loaded;
 * - `sw.js`, a hand-written service worker whose precache lists, made here,
 *   name every file of the site: a deck a learner opened once is kept
 *   whole (every chunk, those its first slide did not need included), and
 *   a reload with the network off shows it; *Keep everything offline* on
 *   the index keeps every page and file (decks, exercises, starters,
 *   archives, PDFs, glossary, search), all but the zip and the decks'
 *   single-file copies, which hold the same files again; the index and each
 *   deck say what is kept;
 * - `manifest.webmanifest`, so the site can be installed as an app;
 * - the whole site as one `.zip`, for a copy that opens from disk: there
 *   each deck's `index.html` is its single-file copy, and its chunks are
 *   left out.
 */
import { Buffer } from 'node:buffer'
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { LessonError } from '../../../core/errors.ts'
import { firstSlideFiles, hostedHtml, OFFLINE_PAGE } from './single-file.ts'
import { zip } from './zip.ts'

export const DOWNLOAD_NAME = 'lesson-2.2-offline.zip'
export const MANIFEST_NAME = 'manifest.webmanifest'
export const SW_NAME = 'sw.js'

/** Files of `dir`, as `/`-separated paths from `dir`, sorted. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  return entries.filter(e => e.isFile()).map(e => relative(dir, join(e.parentPath, e.name)).split('\\').join('/')).sort()
}

/**
 * Registers the worker from a served deck; does nothing from `file://`.
 * Waits for the page's load and a moment more: keeping the deck fetches
 * every file of it, which must not compete with the first slide's.
 */
export function registerScript(deck: string): string {
  return `<script>
if ('serviceWorker' in navigator && /^https?:$/.test(location.protocol)) {
  addEventListener('load', function () {
    setTimeout(function () {
      // Offline, registering again fails (the worker's script cannot be fetched), while the
      // worker installed before still serves the site: ask the worker that is ready either way.
      navigator.serviceWorker.register('../${SW_NAME}', { scope: '../' }).catch(function (e) { console.warn('offline copy not updated:', e && e.message) })
      navigator.serviceWorker.ready.then(function (reg) {
        var channel = new MessageChannel()
        channel.port1.onmessage = function (e) { document.documentElement.dataset.offline = e.data }
        reg.active.postMessage({ keep: ${JSON.stringify(deck)} }, [channel.port2])
      }).catch(function (e) { console.warn('offline copy not kept:', e && e.message) })
    }, 1000)
  })
}
</script>`
}

function withHead(html: string, head: string): string {
  return html.includes('</head>') ? html.replace('</head>', () => `${head}</head>`) : `${head}${html}`
}

/**
 * Makes a built deck ready to publish: drops Slidev's 404 page (hash
 * routes never reach it), makes a chunked `index.html` the hosted page
 * (which sends a page opened from disk to `offline.html`), and adds the
 * manifest link and the worker's registration to both pages.
 */
export async function finishDeck(deckDir: string, deck: string): Promise<void> {
  await rm(join(deckDir, '404.html'), { force: true })
  const file = join(deckDir, 'index.html')
  const offline = join(deckDir, OFFLINE_PAGE)
  let html = await readFile(file, 'utf8')
  const head = `<link rel="manifest" href="../${MANIFEST_NAME}">\n${registerScript(deck)}\n`
  if (/<script type="module"[^>]* src=/.test(html)) {
    if (!existsSync(offline))
      throw new LessonError(`${file}: the deck loads its code from other files and has no ${OFFLINE_PAGE} beside it, so it would open blank from disk`)
    html = hostedHtml(html, await firstSlideFiles(deckDir))
    await writeFile(offline, withHead(await readFile(offline, 'utf8'), head))
  }
  await writeFile(file, withHead(html, head))
}

export interface Precache {
  /** Changes whenever any listed file changes: the worker's cache name. */
  version: string
  /** Kept when the worker installs: the front page, manifest and icon, the glossary and search pages. */
  shell: string[]
  /** Per deck id, every file of the deck, paths from the site root. */
  decks: Record<string, string[]>
  /** Every other file of the site (exercises, starters, archives, PDFs, fonts), kept with *Keep everything offline*. */
  rest: string[]
}

/** Pages kept when the worker installs, when the site has them. */
const SHELL = ['index.html', MANIFEST_NAME, 'favicon.svg', 'glossary.html', 'search.html']

/**
 * What the worker of the site holding `files` keeps (paths from the site
 * root; `read` gives a file's bytes, for the cache name).
 */
export async function precacheOf(files: readonly string[], decks: readonly string[], read: (file: string) => Promise<Uint8Array>): Promise<Precache> {
  const hash = createHash('sha256')
  const shell = SHELL.filter(f => f === MANIFEST_NAME || files.includes(f))
  const lists: Record<string, string[]> = {}
  // A deck's single-file copy is for the copy opened from disk: the hosted deck is its chunks.
  const forDisk = new Set(decks.map(d => `${d}/${OFFLINE_PAGE}`))
  for (const deck of decks) {
    const list = files.filter(f => f.startsWith(`${deck}/`) && !forDisk.has(f) && !f.endsWith('/_redirects'))
    if (!list.includes(`${deck}/index.html`))
      throw new LessonError(`${deck}: no index.html to keep offline`)
    lists[deck] = list
  }
  const listed = new Set([...shell, ...Object.values(lists).flat()])
  // Not the zip (the same files again), not the worker itself, not the publish record.
  const rest = files.filter(f => !listed.has(f) && !forDisk.has(f) && f !== DOWNLOAD_NAME && f !== SW_NAME && f !== 'publish.json' && !f.endsWith('/_redirects') && f !== '_redirects')
  for (const file of [...shell.filter(f => f !== MANIFEST_NAME), ...Object.values(lists).flat(), ...rest])
    hash.update(file).update(await read(file))
  return { version: hash.digest('hex').slice(0, 16), shell, decks: lists, rest }
}

export async function precacheLists(site: string, decks: readonly string[]): Promise<Precache> {
  return precacheOf(await listFiles(site), decks, file => readFile(join(site, file)))
}

/** The worker. Cache-first for listed files: the cache name is a hash of their content, so a new publish is a new cache. */
export function serviceWorker(precache: Precache): string {
  return `// Keeps the lesson's pages and files for offline use. Written by npm run publish.
const CACHE = 'lesson-${precache.version}'
const SHELL = ${JSON.stringify(precache.shell)}
const DECKS = ${JSON.stringify(precache.decks, null, 1)}
const scope = self.registration.scope
const REST = ${JSON.stringify(precache.rest, null, 1)}
const EVERYTHING = [...SHELL, ...Object.values(DECKS).flat(), ...REST]
const known = new Set(EVERYTHING.map(p => new URL(p, scope).href))

// Fetches only what this cache does not hold yet: offline, what is kept stays kept.
// Six files at a time, each tried twice, each kept as it arrives: a site is about
// 1,400 files, and one request that fails on a bad link loses none of the others
// (the next press fetches only what is still missing). Fails naming what is missing.
function keep(paths) {
  return caches.open(CACHE).then(cache => cache.keys().then((requests) => {
    const have = new Set(requests.map(r => r.url))
    const missing = paths.map(p => new URL(p, scope).href).filter(url => !have.has(url))
    const failed = []
    let next = 0
    const lane = () => {
      if (next >= missing.length)
        return Promise.resolve()
      const url = missing[next++]
      return cache.add(url).catch(() => cache.add(url)).catch(() => { failed.push(url) }).then(lane)
    }
    return Promise.all(Array.from({ length: Math.min(6, missing.length) }, lane)).then(() => {
      if (failed.length)
        throw new Error(failed.length + ' of ' + missing.length + ' files not fetched, the first ' + failed[0])
    })
  }))
}

self.addEventListener('install', (event) => {
  event.waitUntil(keep(SHELL).then(() => self.skipWaiting()))
})

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then(names => Promise.all(names.filter(n => n.startsWith('lesson-') && n !== CACHE).map(n => caches.delete(n))))
    .then(() => self.clients.claim()))
})

// Which decks are kept whole, and whether everything is: { decks: ['rc', …], everything: true }.
function kept() {
  return caches.open(CACHE).then(cache => cache.keys()).then((requests) => {
    const have = new Set(requests.map(r => r.url))
    const whole = paths => paths.every(p => have.has(new URL(p, scope).href))
    return { decks: Object.keys(DECKS).filter(d => whole(DECKS[d])), everything: whole(EVERYTHING) }
  })
}

// { keep: '<deck id>' | '*' } from a page; answers 'ready' once every file is cached.
// { kept: true } answers what kept() says.
self.addEventListener('message', (event) => {
  const port = event.ports[0]
  if (event.data && event.data.kept) {
    event.waitUntil(kept().then(k => port && port.postMessage(k)))
    return
  }
  const deck = event.data && event.data.keep
  const paths = deck === '*' ? EVERYTHING : DECKS[deck]
  if (!paths) {
    port && port.postMessage('unknown deck')
    return
  }
  event.waitUntil(keep(paths).then(() => port && port.postMessage('ready'), (e) => port && port.postMessage('failed: ' + e.message)))
})

self.addEventListener('fetch', (event) => {
  const request = event.request
  if (request.method !== 'GET')
    return
  const url = new URL(request.url)
  url.hash = ''
  url.search = ''
  // A deck's folder is its index.html.
  if (url.pathname.endsWith('/'))
    url.pathname += 'index.html'
  if (!known.has(url.href))
    return
  event.respondWith(caches.open(CACHE).then(cache => cache.match(url.href).then(hit => hit || fetch(request).then((response) => {
    if (response.ok)
      cache.put(url.href, response.clone())
    return response
  }))))
})
`
}

export function webManifest(title: string): string {
  return `${JSON.stringify({
    name: title,
    short_name: 'Lesson 2.2',
    description: 'Slides, quizzes and exercises for Lesson 2.2, Advanced Memory Management in Rust. Works offline.',
    start_url: './',
    scope: './',
    display: 'standalone',
    background_color: '#fbfbfa',
    theme_color: '#a13d16',
    icons: [{ src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml' }],
  }, null, 2)}\n`
}

/** Writes the worker and the manifest into the site; returns what the worker keeps. */
export async function writeOffline(site: string, decks: readonly string[], title: string): Promise<Precache> {
  await writeFile(join(site, MANIFEST_NAME), webManifest(title))
  const precache = await precacheLists(site, decks)
  await writeFile(join(site, SW_NAME), serviceWorker(precache))
  return precache
}

/**
 * The whole site as one zip under `lesson-2.2/`, made to open from disk:
 * each deck's `index.html` is its single-file copy, its chunks are left
 * out, and the worker (for the copy served again) keeps what the zip
 * holds. Returns the zip's size in bytes.
 */
export async function writeDownload(site: string, decks: readonly string[] = [], name = DOWNLOAD_NAME): Promise<number> {
  const contents = new Map<string, Uint8Array>()
  for (const f of await listFiles(site)) {
    if (f === name || f === SW_NAME)
      continue
    const deck = decks.find(d => f.startsWith(`${d}/`))
    const single = deck && existsSync(join(site, deck, OFFLINE_PAGE))
    if (single && (f.startsWith(`${deck}/assets/`) || f === `${deck}/index.html`))
      continue
    contents.set(single && f === `${deck}/${OFFLINE_PAGE}` ? `${deck}/index.html` : f, await readFile(join(site, f)))
  }
  if (existsSync(join(site, SW_NAME))) {
    const files = [...contents.keys()].sort()
    const precache = await precacheOf(files, decks.filter(d => files.includes(`${d}/index.html`)), async f => contents.get(f)!)
    contents.set(SW_NAME, Buffer.from(serviceWorker(precache)))
  }
  const archive = zip([...contents].sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0).map(([path, content]) => ({ path: `lesson-2.2/${path}`, content: Buffer.from(content) })))
  await writeFile(join(site, name), archive)
  return archive.length
}
