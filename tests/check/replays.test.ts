import type { RawTraceEvent } from '../../core/snippet-data.ts'
import type { KitCopy } from '../../scripts/lib/kit-copy.ts'
/**
 * A recording a component cannot draw fails the check, on a copy of the
 * kit: the captured run of `mutex/contention` is changed so that t2 takes
 * the lock while t1 holds it, and its expected recording with it, so the
 * capture still matches what is checked in. Only the replay check can see
 * that no `<LockTimeline>` can show it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCheck } from '../../scripts/lib/check.ts'
import { traceLines } from '../../scripts/lib/compare.ts'
import { copyKit } from '../../scripts/lib/kit-copy.ts'

let kit: KitCopy

beforeAll(async () => {
  kit = await copyKit()
})
afterAll(async () => {
  await kit?.remove()
})

interface CacheFile { entries: Record<string, { capture: { trace: RawTraceEvent[] | null } }> }

describe('the replay check', () => {
  it('fails a recording LockTimeline cannot draw, naming the deck line and the snippet', async () => {
    const id = 'mutex/contention'
    // A first run makes sure the cache holds this snippet's capture.
    const before = await runCheck({ root: kit.root })
    expect(before.problems).toEqual([])
    const cache = JSON.parse(await kit.read('generated/check-cache.json')) as CacheFile
    const entry = cache.entries[id]!
    const wait = entry.capture.trace!.find(e => e.ev === 'lock' && e.op === 'wait' && e.thread === 't2')!
    wait.op = 'acquire'
    await kit.write('generated/check-cache.json', JSON.stringify(cache))
    await kit.write('snippets/mutex/expected/contention.trace', traceLines(entry.capture.trace!))

    const report = await runCheck({ root: kit.root })
    expect(report.snippets.find(s => s.id === id)!.failures).toEqual([])
    const line = (await kit.read('slides/mutex.md')).split('\n').findIndex(l => l.includes(`<LockTimeline snippet="${id}"`)) + 1
    expect(report.problems).toEqual([
      `slides/mutex.md:${line}: <LockTimeline snippet="${id}"> cannot draw what the check captured: snippet "${id}", event seq ${wait.seq}: thread "t2" acquires "log" while "t1" still holds it; record \`LockOp::Release\` before the guard is dropped`,
    ])
  })
})
