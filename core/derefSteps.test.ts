import { describe, expect, it } from 'vitest'
import { derefChainFromTrace, derefSteps } from './derefSteps.ts'
import { parseTrace } from './trace.ts'

describe('derefSteps', () => {
  it('adds one type of the chain per step', () => {
    const steps = derefSteps('slide', ['&Box<String>', '&String', '&str'])
    expect(steps.map(s => s.index)).toEqual([0, 1, 2])
    expect(steps[1]!.announce).toBe('&Box<String> → &String: Box<String> derefs to String')
  })

  it('reads the chain from trace::label events', () => {
    const events = parseTrace('deref/x', [{ seq: 0, ev: 'label', text: '&MyBox<String>' }, { seq: 1, ev: 'label', text: '&String' }])
    expect(derefChainFromTrace('deref/x', events).at(-1)!.chain).toEqual(['&MyBox<String>', '&String'])
    expect(() => derefChainFromTrace('deref/x', [])).toThrow('snippet "deref/x": DerefChain needs `trace::label` events')
  })

  it('rejects chains too short or with blanks', () => {
    expect(() => derefSteps('slide', ['&str'])).toThrow('slide: a deref chain needs at least two types')
    expect(() => derefSteps('slide', ['&String', ' '])).toThrow('type 2 of the deref chain is empty')
  })
})
