import type { Capture } from '../compare.ts'
import type { Snippet } from '../snippets.ts'
/**
 * The check's cache: a capture is reused while its key is unchanged. The key
 * is what the capture depends on: the toolchain, the snippet's code and, for
 * programs, everything its crate builds from.
 */
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { blankHeaderKeys } from '../../../core/snippet-source.ts'
import { generatedDir, writeAtomic } from './files.ts'

/** Bumped when the capture format changes, so old caches are not reused. */
export const CACHE_VERSION = 8

export interface CachedCapture {
  capture: Capture
  /** The same snippet under its other edition (`Snippet.otherEdition`). */
  other?: Capture
  durationMs: number
}

export interface CacheEntry extends CachedCapture {
  key: string
}

export interface CacheFile {
  version: number
  entries: Record<string, CacheEntry>
}

export function cachePath(root: string): string {
  return join(generatedDir(root), 'check-cache.json')
}

/**
 * The `expect:`/`support:` lines are left out of the key: they are comments,
 * and editing a promise must not require a rebuild to be judged.
 */
export async function cacheKey(rustc: string, s: Pick<Snippet, 'topic' | 'place' | 'expectation' | 'source' | 'edition' | 'otherExpectation'>, inputs: readonly string[]): Promise<string> {
  const hash = createHash('sha256')
  // How it is compiled depends on the kind (and `(test)`), not on codes or messages.
  const how = s.expectation.kind === 'compile-error' && s.expectation.test ? 'compile-error (test)' : s.expectation.kind
  // Under the other edition it is compiled as its promise there says (a program, or its tests).
  const other = s.otherExpectation ? (s.otherExpectation.kind === 'compile-error' && s.otherExpectation.test ? 'compile-error (test)' : s.otherExpectation.kind) : how
  hash.update(`${CACHE_VERSION}\0${rustc}\0${s.place}\0${how}\0${s.edition}\0${other}\0`)
  hash.update(blankHeaderKeys(s.source, ['expect', 'expect-2021', 'expect-2024', 'support']))
  for (const file of inputs) {
    hash.update(`\0${file.slice(file.lastIndexOf('/snippets/'))}\0`)
    const bytes = await readFile(file)
    hash.update(file.endsWith('/Cargo.lock') ? lockedFor(bytes.toString('utf8'), `lesson-${s.topic}`) : bytes)
  }
  return hash.digest('hex').slice(0, 24)
}

/**
 * What of the workspace's `Cargo.lock` a crate builds from: the file's
 * header and the entries of the package `root` and of the packages it
 * depends on, directly or not. Another topic's crate coming into the lock
 * (a new topic, whose first build writes its entry) changes no other
 * crate's programs. The whole file when `root` has no entry.
 */
export function lockedFor(lock: string, root: string): string {
  const [header = '', ...blocks] = lock.split(/^\[\[package\]\]$/m).map(part => part.trim())
  const byName = new Map(blocks.map((block) => {
    const name = /^name = "([^"]+)"$/m.exec(block)?.[1] ?? ''
    const list = /^dependencies = \[([^\]]*)\]/m.exec(block)?.[1] ?? ''
    // `"name"`, or `"name version"` when two versions are locked.
    const deps = [...list.matchAll(/"([^"]*)"/g)].map(m => m[1]!.split(' ')[0]!)
    return [name, { block, deps }] as const
  }))
  if (!byName.has(root))
    return lock
  const kept = new Set<string>()
  const visit = (name: string) => {
    if (kept.has(name) || !byName.has(name))
      return
    kept.add(name)
    byName.get(name)!.deps.forEach(visit)
  }
  visit(root)
  return [header, ...[...byName].filter(([name]) => kept.has(name)).map(([, { block }]) => block)].join('\n\n[[package]]\n')
}

/**
 * The cache on disk; an empty one when it is missing or of another
 * version. A cache that cannot be read, or that parses but is not one
 * (`entries: null`, a capture of the wrong shape), is discarded with one
 * line to `warn`, and every snippet is run again.
 */
export async function readCache(path: string, warn: (line: string) => void = () => {}): Promise<CacheFile> {
  const empty: CacheFile = { version: CACHE_VERSION, entries: {} }
  let text: string
  try {
    text = await readFile(path, 'utf8')
  }
  catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
      warn(`${path} cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); every snippet is run again`)
    return empty
  }
  let cache: unknown
  try {
    cache = JSON.parse(text)
  }
  catch (error) {
    warn(`${path} is not JSON (${(error as Error).message}); discarded, every snippet is run again`)
    return empty
  }
  if (isRecord(cache) && cache.version !== CACHE_VERSION)
    return empty
  const problem = cacheProblem(cache)
  if (problem) {
    warn(`${path} is not a cache this check wrote (${problem}); discarded, every snippet is run again`)
    return empty
  }
  return cache as CacheFile
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

const isArrayOf = (v: unknown, item: (x: unknown) => boolean) => Array.isArray(v) && v.every(item)
const isNullable = (v: unknown, item: (x: unknown) => boolean) => v === null || item(v)
const isString = (v: unknown) => typeof v === 'string'
const isNumber = (v: unknown) => typeof v === 'number' && Number.isFinite(v)

function isDiagnostic(d: unknown): boolean {
  return isRecord(d) && isString(d.level) && isNullable(d.code, isString) && isString(d.message) && isString(d.rendered)
    && isArrayOf(d.spans, s => isRecord(s) && isString(s.file) && isNumber(s.lineStart) && isNumber(s.lineEnd) && isNumber(s.columnStart) && isNumber(s.columnEnd) && isNullable(s.label, isString) && typeof s.primary === 'boolean')
}

/** What is wrong with a cache's shape, naming the first entry and field at fault, or null. */
function cacheProblem(cache: unknown): string | null {
  if (!isRecord(cache))
    return 'not an object'
  if (!isRecord(cache.entries))
    return `entries: ${JSON.stringify(cache.entries) ?? 'missing'}`
  for (const [id, entry] of Object.entries(cache.entries)) {
    const bad = (field: string) => `entry ${JSON.stringify(id)}: ${field}`
    if (!isRecord(entry))
      return bad('not an object')
    if (!isString(entry.key))
      return bad('key')
    if (!isNumber(entry.durationMs))
      return bad('durationMs')
    const c = entry.capture
    if (!isRecord(c))
      return bad('capture')
    if (!isArrayOf(c.diagnostics, isDiagnostic))
      return bad('capture.diagnostics')
    if (!isArrayOf(c.locations, isString))
      return bad('capture.locations')
    if (typeof c.compiled !== 'boolean')
      return bad('capture.compiled')
    if (!isNullable(c.run, r => isRecord(r) && isString(r.stdout) && isString(r.stderr) && isNullable(r.exitCode, isNumber) && typeof r.timedOut === 'boolean'))
      return bad('capture.run')
    if (!isNullable(c.tests, t => isRecord(t) && isNumber(t.passed) && isNumber(t.failed) && isString(t.output) && (t.results === undefined || isArrayOf(t.results, r => isRecord(r) && isString(r.name) && isString(r.outcome)))))
      return bad('capture.tests')
    if (!isNullable(c.trace, t => isArrayOf(t, e => isRecord(e))))
      return bad('capture.trace')
    if (!isNullable(c.unformattedLine, isNumber))
      return bad('capture.unformattedLine')
    if (c.program !== undefined && !(isRecord(c.program) && typeof c.program.compiled === 'boolean' && isArrayOf(c.program.diagnostics, isDiagnostic) && isArrayOf(c.program.locations, isString)))
      return bad('capture.program')
    for (const field of ['rustfmtError', 'binName', 'traceError'] as const) {
      if (c[field] !== undefined && !isString(c[field]))
        return bad(`capture.${field}`)
    }
  }
  return null
}

/** The captures this run can reuse: entries whose key is the snippet's key today. */
export function reusable(snippets: readonly Snippet[], cache: CacheFile, keys: ReadonlyMap<Snippet, string>): Map<Snippet, CachedCapture> {
  const hits = new Map<Snippet, CachedCapture>()
  for (const s of snippets) {
    const hit = cache.entries[s.id]
    if (hit && hit.key === keys.get(s))
      hits.set(s, { capture: hit.capture, ...(hit.other ? { other: hit.other } : {}), durationMs: hit.durationMs })
  }
  return hits
}

/**
 * What the next run may reuse. Only captures of programs that compiled are
 * kept: a build that failed in support code says nothing about the snippet.
 * Each needs its other edition's capture too, except an `ignore` snippet's,
 * which is never compiled under either edition and so is kept as it is.
 */
export function cacheToKeep(captures: ReadonlyMap<Snippet, CachedCapture>, keys: ReadonlyMap<Snippet, string>): CacheFile {
  const entries: Record<string, CacheEntry> = {}
  for (const [s, c] of captures) {
    if (s.expectation.kind === 'ignore' || ((s.place === 'fail' || c.capture.compiled) && c.other))
      entries[s.id] = { key: keys.get(s)!, ...c }
  }
  return { version: CACHE_VERSION, entries }
}

export async function writeCache(path: string, cache: CacheFile): Promise<void> {
  await writeAtomic(path, JSON.stringify(cache))
}
