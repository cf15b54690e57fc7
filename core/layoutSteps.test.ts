import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { layoutSteps } from './layoutSteps.ts'
import { parseTrace, parseTraceText } from './trace.ts'

describe('layoutSteps', () => {
  it('replays box/fat-pointers with each label as its row\'s note', () => {
    const events = parseTraceText('box/fat-pointers', readFileSync('snippets/box/expected/fat-pointers.trace', 'utf8'))
    const steps = layoutSteps('box/fat-pointers', events)
    const last = steps.at(-1)!
    expect(last.rows.map(r => [r.type, r.size, r.heap, r.note])).toEqual(
      events.flatMap((e, i) => e.ev === 'layout' ? [[e.type, e.size, e.heap, (events[i + 1] as { text?: string }).text ?? null]] : []),
    )
    expect(steps.map(s => s.rows.filter(r => r.visible).length)).toEqual([1, 2, 3, 4])
    expect(steps.every(s => s.labels.length === 0)).toBe(true)
    expect(last.scale).toBe(Math.max(...last.rows.map(r => Math.max(r.size, r.heap))))
  })

  it('shows several rows in one step, and rejects a recording without layouts', () => {
    const steps = layoutSteps('b/l', parseTrace('b/l', [
      { seq: 0, ev: 'step', caption: 'list' },
      { seq: 1, ev: 'layout', type: 'List', size: 16, align: 8, heap: 0 },
      { seq: 2, ev: 'layout', type: 'Box<List>', size: 8, align: 8, heap: 16 },
    ]))
    expect(steps).toHaveLength(1)
    expect(steps[0]!.rows.map(r => r.current)).toEqual([true, true])
    expect(steps[0]!.announce).toBe('list. List: 16 bytes on the stack. Box<List>: 8 bytes on the stack, 16 on the heap')
    expect(() => layoutSteps('b/x', parseTrace('b/x', [{ seq: 0, ev: 'label', text: 'x' }]))).toThrow('HeapLayout needs')
  })
})
