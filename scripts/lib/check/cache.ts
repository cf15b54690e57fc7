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
export async function cacheKey(rustc: string, s: Pick<Snippet, 'place' | 'expectation' | 'source' | 'edition' | 'otherExpectation'>, inputs: readonly string[]): Promise<string> {
  const hash = createHash('sha256')
  // How it is compiled depends on the kind (and `(test)`), not on codes or messages.
  const how = s.expectation.kind === 'compile-error' && s.expectation.test ? 'compile-error (test)' : s.expectation.kind
  // Under the other edition it is compiled as its promise there says (a program, or its tests).
  const other = s.otherExpectation ? (s.otherExpectation.kind === 'compile-error' && s.otherExpectation.test ? 'compile-error (test)' : s.otherExpectation.kind) : how
  hash.update(`${CACHE_VERSION}\0${rustc}\0${s.place}\0${how}\0${s.edition}\0${other}\0`)
  hash.update(blankHeaderKeys(s.source, ['expect', 'expect-2021', 'expect-2024', 'support']))
  for (const file of inputs) {
    hash.update(`\0${file.slice(file.lastIndexOf('/snippets/'))}\0`)
    hash.update(await readFile(file))
  }
  return hash.digest('hex').slice(0, 24)
}

/** The cache on disk; an empty one when it is missing, unreadable or of another version. */
export async function readCache(path: string): Promise<CacheFile> {
  try {
    const cache = JSON.parse(await readFile(path, 'utf8')) as CacheFile
    if (cache.version === CACHE_VERSION)
      return cache
  }
  catch {}
  return { version: CACHE_VERSION, entries: {} }
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
 */
export function cacheToKeep(captures: ReadonlyMap<Snippet, CachedCapture>, keys: ReadonlyMap<Snippet, string>): CacheFile {
  const entries: Record<string, CacheEntry> = {}
  for (const [s, c] of captures) {
    if ((s.place === 'fail' || c.capture.compiled) && c.other)
      entries[s.id] = { key: keys.get(s)!, ...c }
  }
  return { version: CACHE_VERSION, entries }
}

export async function writeCache(path: string, cache: CacheFile): Promise<void> {
  await writeAtomic(path, JSON.stringify(cache))
}
