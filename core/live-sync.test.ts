import type { LiveEntry } from './live-sync.ts'
import { describe, expect, it } from 'vitest'
import { codeFor, emptyRun, LIVE_RESET_KEY, LIVE_RUN_LOST_MS, LiveBoard, liveKey, parseLiveMessage, runFor, supersedes } from './live-sync.ts'

const code = (text: string, base = 'fn main() {}') => ({ kind: 'code' as const, base, code: text })

describe('the shared live board', () => {
  it('keeps the newest entry whatever order entries arrive in', () => {
    const a = new LiveBoard('a')
    const b = new LiveBoard('b')
    const key = liveKey('code', 'slide@0')
    const fromA = a.write(key, code('a'))
    const fromB = b.write(key, code('b'))
    // Same clock: the larger window id wins, in both orders.
    const one = new LiveBoard('x')
    one.put(fromA)
    one.put(fromB)
    const two = new LiveBoard('y')
    two.put(fromB)
    two.put(fromA)
    expect(one.get(key)).toEqual(code('b'))
    expect(two.get(key)).toEqual(code('b'))
    // A write after seeing another's is newer than it.
    a.put(fromB)
    const later = a.write(key, code('a again'))
    expect(supersedes(later, fromB)).toBe(true)
    expect(b.put(later)).toBe(true)
    expect(b.get(key)).toEqual(code('a again'))
    expect(b.put(fromA)).toBe(false)
  })

  it('reads only messages it knows', () => {
    const entry: LiveEntry = { key: liveKey('code', 's@0'), clock: 1, by: 'a', value: code('x') }
    expect(parseLiveMessage({ type: 'put', entry })).toEqual({ type: 'put', entry })
    expect(parseLiveMessage({ type: 'put', entry: { ...entry, clock: 0 } })).toBeNull()
    expect(parseLiveMessage({ type: 'put', entry: { ...entry, key: liveKey('run', 's@0') } })).toBeNull()
    expect(parseLiveMessage({ type: 'put', entry: { ...entry, value: { kind: 'run', base: '' } } })).toBeNull()
    expect(parseLiveMessage({ type: 'snapshot', entries: [entry, { nope: 1 }] })).toEqual({ type: 'snapshot', entries: [entry] })
    expect(parseLiveMessage('put')).toBeNull()
  })

  it('drops an edit of another original, and a run whose window went away', () => {
    expect(codeFor(code('x', 'old'), 'new')).toBeNull()
    expect(codeFor(code('x', 'new'), 'new')).toBe('x')
    const running = { ...emptyRun('p'), run: { id: 'r', by: 'a', since: 1000 } }
    expect(runFor(running, 'p', 2000).run).not.toBeNull()
    expect(runFor(running, 'p', 1001 + LIVE_RUN_LOST_MS).run).toBeNull()
    expect(runFor(running, 'q', 2000)).toEqual(emptyRun('q'))
  })

  it('resets every slide: older entries go, whatever order they arrive in, and later edits stay', () => {
    const a = new LiveBoard('a')
    const one = a.write(liveKey('code', 'one@0'), code('edited one'))
    const two = a.write(liveKey('run', 'two@1'), { ...emptyRun('p'), stopped: true })
    const reset = a.write(LIVE_RESET_KEY, { kind: 'reset', id: 'r1' })
    expect(a.get(one.key)).toBeUndefined()
    expect(a.get(two.key)).toBeUndefined()
    const after = a.write(liveKey('code', 'one@0'), code('after the reset'))
    // Another window: the reset first, or the old entries first.
    for (const order of [[reset, one, two, after], [one, two, after, reset], [after, one, reset, two]]) {
      const b = new LiveBoard('b')
      order.forEach(e => b.put(e))
      expect(b.snapshot().map(e => e.key).sort()).toEqual([LIVE_RESET_KEY, one.key].sort())
      expect(b.get(one.key)).toEqual(code('after the reset'))
    }
    expect(parseLiveMessage({ type: 'put', entry: reset })).toEqual({ type: 'put', entry: reset })
    expect(parseLiveMessage({ type: 'put', entry: { ...reset, value: { kind: 'reset', id: '' } } })).toBeNull()
  })
})
