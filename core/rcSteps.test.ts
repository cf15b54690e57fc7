import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { rcSteps } from './rcSteps.ts'
import { parseTrace, parseTraceText } from './trace.ts'

const cloneCounts = parseTraceText('rc/clone-counts', readFileSync(new URL('../snippets/rc/expected/clone-counts.trace', import.meta.url), 'utf8'))

function ev(kind: 'rc' | 'arc' | 'weak', handle: string, op: string, strong: number, weak: number, alloc = 'alloc0', thread = 'main') {
  return { ev: kind, alloc, handle, op, strong, weak, thread }
}
const seqd = (list: object[]) => list.map((e, seq) => ({ seq, ...e }))

describe('rcSteps', () => {
  it('replays rc/clone-counts: strong 1, 2, 3, 2', () => {
    const steps = rcSteps('rc/clone-counts', cloneCounts)
    expect(steps.map(s => s.allocs[0]!.strong)).toEqual([1, 2, 3, 2, 2])
    expect(steps.map(s => s.handles.map(h => h.state))).toEqual([
      ['live', 'absent', 'absent'],
      ['live', 'live', 'absent'],
      ['live', 'live', 'live'],
      ['live', 'live', 'dropped'],
      ['live', 'live', 'dropped'],
    ])
    expect(steps[3]!.announce).toBe('c dropped: strong 2, weak 0')
    expect(steps[0]!.handles[0]).toMatchObject({ name: 'a', alloc: 'alloc0', kind: 'strong', changed: true })
  })

  it('marks the value dropped at strong 0, kept while weak handles remain, and a failed upgrade', () => {
    const steps = rcSteps('rc/w', parseTrace('rc/w', seqd([
      ev('rc', 'a', 'new', 1, 0),
      ev('weak', 'w', 'downgrade', 1, 1),
      { ev: 'free', what: 'node' },
      { ev: 'drop', handle: 'a', thread: 'main' },
      { ev: 'upgrade-failed', handle: 'w' },
    ])))
    expect(steps).toHaveLength(4)
    expect(steps[1]!.handles[1]).toMatchObject({ name: 'w', kind: 'weak', state: 'live' })
    expect(steps[2]!.allocs[0]).toMatchObject({ strong: 0, weak: 1, state: 'dropped', freed: ['node'] })
    expect(steps[3]!.handles[1]!.state).toBe('dangling')
  })

  it('shows a cycle leaking once no stack handle reaches it', () => {
    const steps = rcSteps('rc/cycle', parseTrace('rc/cycle', seqd([
      ev('rc', 'a', 'new', 1, 0, 'alloc0'),
      ev('rc', 'b', 'new', 1, 0, 'alloc1'),
      ev('rc', 'b.next', 'clone', 2, 0, 'alloc0'),
      ev('rc', 'a.next', 'clone', 2, 0, 'alloc1'),
      { ev: 'drop', handle: 'b', thread: 'main' },
      { ev: 'drop', handle: 'a', thread: 'main' },
    ])))
    const last = steps.at(-1)!
    expect(last.allocs.map(a => [a.strong, a.state])).toEqual([[1, 'leaked'], [1, 'leaked']])
    expect(steps[4]!.allocs.map(a => a.state)).toEqual(['live', 'leaked'])
    expect(last.handles.find(h => h.name === 'a.next')!.inHeap).toBe(true)
  })

  it('groups by trace::step and marks Arc allocations atomic', () => {
    const steps = rcSteps('arc/t', parseTrace('arc/t', seqd([
      { ev: 'step', caption: 'two owners' },
      ev('arc', 'data', 'new', 1, 0),
      ev('arc', 'for_t1', 'clone', 2, 0, 'alloc0', 't1'),
      { ev: 'step', caption: 't1 ends' },
      { ev: 'drop', handle: 'for_t1', thread: 't1' },
    ])))
    expect(steps.map(s => s.caption)).toEqual(['two owners', 't1 ends'])
    expect(steps[0]!.allocs[0]!.atomic).toBe(true)
    expect(steps[0]!.handles[1]!.thread).toBe('t1')
    expect(steps[1]!.allocs[0]!.strong).toBe(1)
  })

  it('rejects drops of unknown or dropped handles, and frees that match nothing', () => {
    expect(() => rcSteps('rc/x', parseTrace('rc/x', seqd([ev('rc', 'a', 'new', 1, 0), { ev: 'drop', handle: 'zz', thread: 'main' }]))))
      .toThrow('snippet "rc/x", event seq 1: drop of handle "zz", which the recording never created')
    expect(() => rcSteps('rc/x', parseTrace('rc/x', seqd([ev('rc', 'a', 'new', 1, 0), { ev: 'drop', handle: 'a', thread: 'main' }, { ev: 'drop', handle: 'a', thread: 'main' }]))))
      .toThrow('event seq 2: handle "a" is dropped twice')
    expect(() => rcSteps('rc/x', parseTrace('rc/x', seqd([ev('rc', 'a', 'new', 1, 0), { ev: 'free', what: 'ghost' }]))))
      .toThrow('snippet "rc/x", event seq 1: free of "ghost" matches no allocation')
    expect(() => rcSteps('rc/x', parseTrace('rc/x', seqd([{ ev: 'free', what: 'ghost' }]))))
      .toThrow('RcGraph needs `trace::rc`/`trace::arc` events')
  })
})
