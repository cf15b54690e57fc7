import type { Capture } from '../compare.ts'
import type { Snippet } from '../snippets.ts'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CACHE_VERSION, cacheKey, cacheToKeep, readCache, reusable } from './cache.ts'

function snippet(id: string, place: 'bin' | 'fail', source = '//! expect: runs\nfn main() {}\n'): Snippet {
  return { id, topic: 'rc', name: id.split('/')[1]!, path: `/k/snippets/${id}.rs`, file: `snippets/${id}.rs`, place, source, regions: new Map(), expectedBase: `/k/snippets/rc/expected/${id}`, expectation: { kind: 'runs', varies: false }, expectLine: 1, support: null, allow: [], edition: '2024', editionLine: 0, otherEdition: '2021', otherExpectation: null, otherLine: 0, provenance: null, rustfmt: [] }
}
const capture = (compiled: boolean): Capture => ({ diagnostics: [], locations: [], compiled, run: null, tests: null, trace: null, unformattedLine: null })

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'check-cache-'))
})
afterAll(() => rm(dir, { recursive: true, force: true }))

describe('cacheKey', () => {
  const s = snippet('rc/a', 'bin')
  it('ignores edits of the promise and the support reason, not of the code', async () => {
    const key = await cacheKey('rustc 1', { ...s, source: '//! expect: runs\n//! support: one reason\nfn main() {}\n' }, [])
    expect(await cacheKey('rustc 1', { ...s, source: '//! expect: runs (output varies)\n//! support: another\nfn main() {}\n' }, [])).toBe(key)
    expect(await cacheKey('rustc 1', { ...s, source: '//! expect: runs\n//! support: one reason\nfn main() { }\n' }, [])).not.toBe(key)
  })
  it('changes with the toolchain, the kind of promise and the crate\'s other files', async () => {
    const key = await cacheKey('rustc 1', s, [])
    expect(await cacheKey('rustc 2', s, [])).not.toBe(key)
    expect(await cacheKey('rustc 1', { ...s, expectation: { kind: 'tests' } }, [])).not.toBe(key)
    // The edition it is compiled in, and how it is compiled under the other one.
    expect(await cacheKey('rustc 1', { ...s, edition: '2021' }, [])).not.toBe(key)
    expect(await cacheKey('rustc 1', { ...s, otherExpectation: { kind: 'compile-error', codes: ['E0700'] } }, [])).not.toBe(key)
    expect(await cacheKey('rustc 1', { ...s, source: '//! expect: runs\n//! expect-2021: runs\nfn main() {}\n' }, [])).toBe(await cacheKey('rustc 1', { ...s, source: '//! expect: runs\n//! expect-2021: tests\nfn main() {}\n' }, []))
    await writeFile(join(dir, 'lib.rs'), 'pub fn a() {}')
    const withInput = await cacheKey('rustc 1', s, [join(dir, 'lib.rs')])
    expect(withInput).not.toBe(key)
    await writeFile(join(dir, 'lib.rs'), 'pub fn b() {}')
    expect(await cacheKey('rustc 1', s, [join(dir, 'lib.rs')])).not.toBe(withInput)
  })
})

describe('readCache', () => {
  it('starts empty when the file is missing, corrupt or of another version', async () => {
    const empty = { version: CACHE_VERSION, entries: {} }
    expect(await readCache(join(dir, 'missing.json'))).toEqual(empty)
    await writeFile(join(dir, 'corrupt.json'), '{ nope')
    expect(await readCache(join(dir, 'corrupt.json'))).toEqual(empty)
    await writeFile(join(dir, 'old.json'), JSON.stringify({ version: CACHE_VERSION - 1, entries: { 'rc/a': { key: 'k', capture: capture(true), durationMs: 1 } } }))
    expect(await readCache(join(dir, 'old.json'))).toEqual(empty)
  })
})

describe('readCache of a cache that parses but is not one', () => {
  const entry = { key: 'k', capture: capture(true), durationMs: 1 }
  it.each([
    ['entries: null', { entries: null }, 'entries: null'],
    ['entries: a list', { entries: [] }, 'entries: []'],
    ['capture: {}', { entries: { 'rc/a': { ...entry, capture: {} } } }, 'entry "rc/a": capture.diagnostics'],
    ['capture: null', { entries: { 'rc/a': { ...entry, capture: null } } }, 'entry "rc/a": capture'],
    ['no key', { entries: { 'rc/a': { capture: capture(true), durationMs: 1 } } }, 'entry "rc/a": key'],
    ['a diagnostic of the wrong shape', { entries: { 'rc/a': { ...entry, capture: { ...capture(true), diagnostics: [null] } } } }, 'entry "rc/a": capture.diagnostics'],
    ['a run of the wrong shape', { entries: { 'rc/a': { ...entry, capture: { ...capture(true), run: { stdout: 1 } } } } }, 'entry "rc/a": capture.run'],
    ['a string', 'hello', 'not an object'],
  ])('is discarded with one line saying why (%s)', async (_name, content, why) => {
    const file = join(dir, 'parses.json')
    await writeFile(file, JSON.stringify(typeof content === 'string' ? content : { version: CACHE_VERSION, ...content }))
    const warnings: string[] = []
    expect(await readCache(file, w => warnings.push(w))).toEqual({ version: CACHE_VERSION, entries: {} })
    expect(warnings).toEqual([`${file} is not a cache this check wrote (${why}); discarded, every snippet is run again`])
  })

  it('keeps a cache of the right shape, without a word', async () => {
    const file = join(dir, 'good.json')
    const good = { version: CACHE_VERSION, entries: { 'rc/a': { key: 'k', capture: { ...capture(true), run: { stdout: 'hi\n', stderr: '', exitCode: 0, timedOut: false }, tests: { passed: 1, failed: 0, output: '', results: [{ name: 't', outcome: 'ok' }] }, trace: [{ seq: 0, ev: 'step', caption: 'x' }], binName: 'a' }, durationMs: 1 } } }
    await writeFile(file, JSON.stringify(good))
    const warnings: string[] = []
    expect(await readCache(file, w => warnings.push(w))).toEqual(good)
    expect(warnings).toEqual([])
  })

  it('says so, in one line, when the file is not JSON', async () => {
    const file = join(dir, 'corrupt2.json')
    await writeFile(file, '{ nope')
    const warnings: string[] = []
    await readCache(file, w => warnings.push(w))
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(/corrupt2\.json is not JSON \(.*\); discarded, every snippet is run again$/)
  })
})

describe('reusable and cacheToKeep', () => {
  const a = snippet('rc/a', 'bin')
  const b = snippet('rc/b', 'bin')
  const f = snippet('rc/f', 'fail')
  const keys = new Map([[a, 'ka'], [b, 'kb'], [f, 'kf']])

  it('reuses only captures whose key is today\'s', () => {
    const cache = { version: CACHE_VERSION, entries: { 'rc/a': { key: 'ka', capture: capture(true), durationMs: 3 }, 'rc/b': { key: 'old', capture: capture(true), durationMs: 3 } } }
    const hits = reusable([a, b, f], cache, keys)
    expect([...hits.keys()]).toEqual([a])
    expect(hits.get(a)).toEqual({ capture: capture(true), durationMs: 3 })
  })

  it('keeps programs that compiled and every must-not-compile capture, each with its other edition\'s', () => {
    const kept = cacheToKeep(new Map([[a, { capture: capture(true), other: capture(true), durationMs: 1 }], [b, { capture: capture(false), other: capture(false), durationMs: 1 }], [f, { capture: capture(false), other: capture(false), durationMs: 1 }]]), keys)
    expect(Object.keys(kept.entries)).toEqual(['rc/a', 'rc/f'])
    expect(kept.entries['rc/a']!.key).toBe('ka')
  })

  it('keeps no capture that lacks the other edition\'s, so the next check makes it', () => {
    const kept = cacheToKeep(new Map([[a, { capture: capture(true), durationMs: 1 }], [f, { capture: capture(false), durationMs: 1 }]]), keys)
    expect(Object.keys(kept.entries)).toEqual([])
  })

  it('keeps an `ignore` snippet, which is never compiled under either edition, so it is not run again', () => {
    const ignored = (s: Snippet): Snippet => ({ ...s, expectation: { kind: 'ignore' } })
    const [i, j] = [ignored(f), ignored(snippet('rc/i', 'bin'))]
    const kept = cacheToKeep(new Map([[i, { capture: capture(false), durationMs: 0 }], [j, { capture: capture(false), durationMs: 0 }]]), new Map([[i, 'ki'], [j, 'kj']]))
    expect(Object.keys(kept.entries)).toEqual(['rc/f', 'rc/i'])
    expect(reusable([i, j], kept, new Map([[i, 'ki'], [j, 'kj']])).size).toBe(2)
  })
})
