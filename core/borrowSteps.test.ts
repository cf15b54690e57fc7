import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { borrowSteps } from './borrowSteps.ts'
import { parseTrace, parseTraceText } from './trace.ts'

const read = (id: string) => parseTraceText(id, readFileSync(`snippets/${id.replace('/', '/expected/')}.trace`, 'utf8'))
const cell = (seq: number, guard: string, op: string, flag: string) => ({ seq, ev: 'refcell', cell: 'c', guard, op, flag })

describe('borrowSteps', () => {
  it('replays refcell/try-borrow: a refusal returns Err and the flag follows the guards', () => {
    const steps = borrowSteps('refcell/try-borrow', read('refcell/try-borrow'))
    expect(steps.map(s => [s.cells[0]!.flag, s.cells[0]!.guards.map(g => g.state).join(' ')])).toEqual([
      ['shared', 'shared absent'],
      ['shared', 'shared refused'],
      ['unborrowed', 'released absent'],
      ['exclusive', 'released exclusive'],
    ])
    expect(steps.some(s => s.panicked)).toBe(false)
    expect(steps[1]!.announce).toContain('writer: borrow refused (Err)')
  })

  it('replays refcell/double-borrow: the refused borrow_mut is the panic', () => {
    const steps = borrowSteps('refcell/double-borrow', read('refcell/double-borrow'), 'already borrowed')
    expect(steps.map(s => s.panicked)).toEqual([false, true])
    expect(steps[1]!.cells[0]!.guards.map(g => [g.name, g.state])).toEqual([['first', 'exclusive'], ['second', 'refused']])
    expect(steps[1]!.announce).toContain('the program panics: already borrowed')
  })

  it('counts live readers', () => {
    const steps = borrowSteps('r/x', parseTrace('r/x', [cell(0, 'a', 'borrow', 'shared'), cell(1, 'b', 'borrow', 'shared'), cell(2, 'a', 'release', 'shared')]))
    expect(steps.map(s => s.cells[0]!.readers)).toEqual([1, 2, 1])
  })

  it('rejects guards released before being taken, taken twice, or events after the panic', () => {
    expect(() => borrowSteps('r/x', parseTrace('r/x', [cell(0, 'a', 'release', 'unborrowed')]))).toThrow('snippet "r/x", event seq 0: guard "a" of "c" is released but was never taken')
    expect(() => borrowSteps('r/x', parseTrace('r/x', [cell(0, 'a', 'borrow', 'shared'), cell(1, 'a', 'borrow', 'shared')]))).toThrow('event seq 1: guard "a" of "c" is taken again while alive')
    expect(() => borrowSteps('r/x', parseTrace('r/x', [cell(0, 'a', 'borrow_mut', 'exclusive'), cell(1, 'b', 'refused', 'exclusive'), cell(2, 'a', 'release', 'unborrowed')]), 'boom'))
      .toThrow('event seq 2: recorded after the borrow that panicked')
    expect(() => borrowSteps('r/x', parseTrace('r/x', [{ seq: 0, ev: 'step', caption: 'x' }]))).toThrow('BorrowState needs')
  })
})
