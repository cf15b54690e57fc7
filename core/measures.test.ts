import type { RawTraceEvent } from './snippet-data.ts'
import { describe, expect, it } from 'vitest'
import { findMeasure, formatRatio, formatValue, measuredRatio, MeasureError, measuresOf } from './measures.ts'

const measure = (seq: number, name: string, value: unknown, unit = 'ns'): RawTraceEvent => ({ seq, ev: 'measure', name, value, unit })
const snippet = (trace: RawTraceEvent[] | null) => ({ id: 'arc/clone-cost', trace })

describe('measuresOf', () => {
  it('keeps the measure events in order and skips the rest', () => {
    const trace = [measure(0, 'rc', 0.8), { seq: 1, ev: 'step', caption: 'x' }, measure(2, 'arc', 14.2)]
    expect(measuresOf(snippet(trace))).toEqual([
      { name: 'rc', value: 0.8, unit: 'ns' },
      { name: 'arc', value: 14.2, unit: 'ns' },
    ])
  })

  it('fails loudly without a recording or without measures', () => {
    expect(() => measuresOf(snippet(null))).toThrow(/arc\/clone-cost" recorded nothing/)
    expect(() => measuresOf(snippet([{ seq: 0, ev: 'step', caption: 'x' }]))).toThrow(/no `trace::measure` events/)
  })

  it('names the event of a malformed measure', () => {
    expect(() => measuresOf(snippet([measure(3, 'rc', '*')]))).toThrow(/event seq 3/)
    expect(() => measuresOf(snippet([measure(4, 'rc', Number.NaN)]))).toThrow(MeasureError)
  })
})

describe('findMeasure and measuredRatio', () => {
  const trace = [measure(0, 'rc', 0.5), measure(1, 'arc', 8), measure(2, 'threads', 2, 'threads'), measure(3, 'zero', 0)]

  it('finds by name and lists the names when one is missing', () => {
    expect(findMeasure(snippet(trace), 'arc').value).toBe(8)
    expect(() => findMeasure(snippet(trace), 'ark')).toThrow(/measured no "ark"; it measured: rc, arc, threads, zero/)
  })

  it('divides two figures of one unit', () => {
    expect(measuredRatio(snippet(trace), 'arc', 'rc').ratio).toBe(16)
  })

  it('refuses mixed units and a zero denominator', () => {
    expect(() => measuredRatio(snippet(trace), 'arc', 'threads')).toThrow(/one unit/)
    expect(() => measuredRatio(snippet(trace), 'arc', 'zero')).toThrow(/measured 0 ns/)
  })
})

describe('formatting', () => {
  it('shows about three significant digits', () => {
    expect(formatValue(0.837, 'ns')).toBe('0.84 ns')
    expect(formatValue(14.15, 'ns')).toBe('14.2 ns')
    expect(formatValue(1584.4, 'reads/ms')).toBe('1\u2009584 reads/ms')
    expect(formatValue(2, '')).toBe('2.00')
  })

  it('gives ratios near 1 one more digit', () => {
    expect(formatRatio(16.84)).toBe('16.8×')
    expect(formatRatio(1.108)).toBe('1.11×')
  })
})
