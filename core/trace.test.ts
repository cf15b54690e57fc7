import type { FreeEvent, TraceEvent } from './trace.ts'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseTrace, parseTraceText, requireTrace, splitSteps, TraceError } from './trace.ts'

const cloneCounts = readFileSync(new URL('../snippets/rc/expected/clone-counts.trace', import.meta.url), 'utf8')

describe('parseTrace', () => {
  it('types a real recording', () => {
    const events = parseTraceText('rc/clone-counts', cloneCounts)
    expect(events.map(e => e.ev)).toEqual(['rc', 'rc', 'rc', 'drop', 'rc'])
    expect(events[1]).toMatchObject({ seq: 1, ev: 'rc', handle: 'b', op: 'clone', strong: 2, weak: 0, alloc: 'alloc0' })
  })

  it('names the snippet and the event seq of a bad field', () => {
    const bad = [{ seq: 0, ev: 'rc', alloc: 'alloc0', handle: 'a', op: 'new', strong: -1, weak: 0, thread: 'main' }]
    expect(() => parseTrace('rc/x', bad)).toThrow(TraceError)
    expect(() => parseTrace('rc/x', bad)).toThrow('snippet "rc/x", event seq 0 (rc): field "strong" must be a whole number ≥ 0, got -1')
  })

  it('rejects a missing field, an unknown kind, a bad enum and a non-object', () => {
    expect(() => parseTrace('a/b', [{ seq: 0, ev: 'drop', handle: 'c' }])).toThrow('snippet "a/b", event seq 0 (drop): missing field "thread"')
    expect(() => parseTrace('a/b', [{ seq: 0, ev: 'teleport' }])).toThrow('unknown event kind "teleport"')
    expect(() => parseTrace('a/b', [{ seq: 0, ev: 'refcell', cell: 'c', guard: 'g', op: 'steal', flag: 'shared' }])).toThrow('field "op" must be one of "borrow", "borrow_mut", "release", "refused", got "steal"')
    expect(() => parseTrace('a/b', [[1]])).toThrow('snippet "a/b", recording line 1: expected a JSON object')
    expect(() => parseTrace('a/b', [{ seq: 0, ev: 'lock', kind: 'mutex', lock: 'm', thread: 't', mode: 'exclusive', op: 'wait', poisoned: 'no' }])).toThrow('field "poisoned" must be true or false')
  })

  it('rejects events out of order or with gaps', () => {
    const step = (seq: number) => ({ seq, ev: 'step', caption: 'x' })
    expect(() => parseTrace('a/b', [step(0), step(2)])).toThrow('snippet "a/b", recording line 2: event seq 2 out of order, expected seq 1')
    expect(() => parseTrace('a/b', [{ ev: 'step', caption: 'x' }])).toThrow('"seq" must be 0, got undefined')
  })

  it('reports a line that is not JSON', () => {
    expect(() => parseTraceText('a/b', '{"seq":0,"ev":"step","caption":"x"}\n{oops')).toThrow('snippet "a/b", recording line 2: not JSON')
  })

  it('requires a recording with the kinds an animation needs', () => {
    expect(() => requireTrace('a/b', null, ['lock'])).toThrow('snippet "a/b" has no recording')
    expect(() => requireTrace('a/b', [{ seq: 0, ev: 'step', caption: 'x' }], ['lock'])).toThrow('its recording has no "lock" events, which this animation needs (it has: step)')
  })
})

describe('splitSteps', () => {
  const events = parseTrace('t/t', [
    { seq: 0, ev: 'label', text: 'before' },
    { seq: 1, ev: 'free', what: 'x' },
    { seq: 2, ev: 'layout', type: 'u8', size: 1, align: 1, heap: 0 },
    { seq: 3, ev: 'free', what: 'y' },
    { seq: 4, ev: 'label', text: 'after y' },
  ])
  const isFree = (e: TraceEvent): e is FreeEvent => e.ev === 'free'

  it('makes one step per kept event without step events, labels joining', () => {
    const steps = splitSteps(events, isFree)
    expect(steps.map(s => [s.caption, s.labels, s.events.map(e => e.seq)])).toEqual([
      [null, ['before'], [1]],
      [null, ['after y'], [3]],
    ])
  })

  it('cuts at step events, earlier events joining the first step', () => {
    const stepped = parseTrace('t/t', [
      { seq: 0, ev: 'free', what: 'early' },
      { seq: 1, ev: 'step', caption: 'one' },
      { seq: 2, ev: 'free', what: 'a' },
      { seq: 3, ev: 'step', caption: 'empty' },
      { seq: 4, ev: 'step', caption: 'two' },
      { seq: 5, ev: 'free', what: 'b' },
    ])
    expect(splitSteps(stepped, isFree).map(s => [s.caption, s.events.map(e => e.seq)])).toEqual([
      ['one', [0, 2]],
      ['two', [5]],
    ])
  })
})
