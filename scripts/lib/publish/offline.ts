/**
 * The learner's offline copies, written by `npm run publish` after the
 * decks are built:
 *
 * - each deck's `index.html` is the whole deck (see `single-file.ts`); it
 *   gains a link to the web app manifest and a classic inline script that
 *   registers the service worker when the deck is served over http(s);
 * - `sw.js`, a hand-written service worker whose precache lists, made here,
 *   name every file of the site: a deck a learner opened once is kept
 *   whole, and a reload with the network off shows it; *Keep everything
 *   offline* on the index keeps every page and file (decks, exercises,
 *   starters, archives, PDFs, glossary, search), all but the zip, which
 *   holds the same files again; the index and each deck say what is kept;
 * - `manifest.webmanifest`, so the site can be installed as an app;
 * - the whole site as one `.zip`, for a copy that opens from disk.
 */
import { createHash } from 'node:crypto'
import { readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { LessonError } from '../../../core/errors.ts'
import { zip } from './zip.ts'

export const DOWNLOAD_NAME = 'lesson-2.2-offline.zip'
export const MANIFEST_NAME = 'manifest.webmanifest'
export const SW_NAME = 'sw.js'

/** Files of `dir`, as `/`-separated paths from `dir`, sorted. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  return entries.filter(e => e.isFile()).map(e => relative(dir, join(e.parentPath, e.name)).split('\\').join('/')).sort()
}

/** Registers the worker from a served deck; does nothing from `file://`. */
export function registerScript(deck: string): string {
  return `<script>
if ('serviceWorker' in navigator && /^https?:$/.test(location.protocol)) {
  // Offline, registering again fails (the worker's script cannot be fetched), while the
  // worker installed before still serves the site: ask the worker that is ready either way.
  navigator.serviceWorker.register('../${SW_NAME}', { scope: '../' }).catch(function (e) { console.warn('offline copy not updated:', e && e.message) })
  navigator.serviceWorker.ready.then(function (reg) {
    var channel = new MessageChannel()
    channel.port1.onmessage = function (e) { document.documentElement.dataset.offline = e.data }
    reg.active.postMessage({ keep: ${JSON.stringify(deck)} }, [channel.port2])
  }).catch(function (e) { console.warn('offline copy not kept:', e && e.message) })
}
</script>`
}

/**
 * Makes a built single-file deck ready to publish: drops Slidev's 404 page
 * (a second copy of the whole deck; hash routes never reach it) and adds
 * the manifest link and the worker's registration.
 */
export async function finishDeck(deckDir: string, deck: string): Promise<void> {
  await rm(join(deckDir, '404.html'), { force: true })
  const file = join(deckDir, 'index.html')
  const html = await readFile(file, 'utf8')
  if (/<script type="module"[^>]* src=/.test(html))
    throw new LessonError(`${file}: the deck still loads its code from other files, so it would open blank from disk (was it built with the single-file step?)`)
  const head = `<link rel="manifest" href="../${MANIFEST_NAME}">\n${registerScript(deck)}\n`
  await writeFile(file, html.includes('</head>') ? html.replace('</head>', () => `${head}</head>`) : `${head}${html}`)
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

export async function precacheLists(site: string, decks: readonly string[]): Promise<Precache> {
  const hash = createHash('sha256')
  const all = await listFiles(site)
  const shell = SHELL.filter(f => f === MANIFEST_NAME || all.includes(f))
  const lists: Record<string, string[]> = {}
  for (const deck of decks) {
    const files = (await listFiles(join(site, deck))).filter(f => f !== '_redirects').map(f => `${deck}/${f}`)
    if (!files.includes(`${deck}/index.html`))
      throw new LessonError(`${join(site, deck)}: no index.html to keep offline`)
    lists[deck] = files
  }
  const listed = new Set([...shell, ...Object.values(lists).flat()])
  // Not the zip (the same files again), not the worker itself, not the publish record.
  const rest = all.filter(f => !listed.has(f) && f !== DOWNLOAD_NAME && f !== SW_NAME && f !== 'publish.json' && !f.endsWith('/_redirects') && f !== '_redirects')
  for (const file of [...shell.filter(f => f !== MANIFEST_NAME), ...Object.values(lists).flat(), ...rest])
    hash.update(file).update(await readFile(join(site, file)))
  return { version: hash.digest('hex').slice(0, 16), shell, decks: lists, rest }
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
function keep(paths) {
  return caches.open(CACHE).then(cache => cache.keys().then((requests) => {
    const have = new Set(requests.map(r => r.url))
    const missing = paths.map(p => new URL(p, scope).href).filter(url => !have.has(url))
    return cache.addAll(missing)
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

/** The whole site as one zip under `lesson-2.2/`; returns its size in bytes. */
export async function writeDownload(site: string, name = DOWNLOAD_NAME): Promise<number> {
  const files = (await listFiles(site)).filter(f => f !== name)
  const entries = await Promise.all(files.map(async f => ({ path: `lesson-2.2/${f}`, content: await readFile(join(site, f)) })))
  const archive = zip(entries)
  await writeFile(join(site, name), archive)
  return archive.length
}
