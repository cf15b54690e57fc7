import { describe, expect, it } from 'vitest'
import { lockSteps } from './lockSteps.ts'
import { parseTrace } from './trace.ts'

function lock(thread: string, op: string, extra: Record<string, unknown> = {}) {
  return { ev: 'lock', kind: 'mutex', lock: 'm', thread, mode: 'exclusive', op, poisoned: false, ...extra }
}
const seqd = (list: object[]) => parseTrace('mutex/t', list.map((e, seq) => ({ seq, ...e })))

describe('lockSteps', () => {
  it('gives one lane per thread and one column per event without steps', () => {
    const view = lockSteps('mutex/t', seqd([
      lock('t1', 'acquire'),
      lock('t2', 'wait'),
      lock('t1', 'release'),
      lock('t2', 'acquire'),
    ]))
    expect(view.lanes).toEqual(['t1', 't2'])
    expect(view.columns.map(c => c.cells.map(x => x.state))).toEqual([
      ['holding', 'idle'],
      ['holding', 'waiting'],
      ['released', 'waiting'],
      ['idle', 'holding'],
    ])
    expect(view.columns.map(c => c.locks[0]!.holders.map(h => h.thread))).toEqual([['t1'], ['t1'], [], ['t2']])
    expect(view.columns[1]!.cells.map(c => c.active)).toEqual([false, true])
    expect(view.columns[1]!.announce).toBe('t2 waits for m')
  })

  it('shows poison after a panic while holding', () => {
    const view = lockSteps('mutex/p', seqd([
      { ev: 'step', caption: 'bad thread panics' },
      lock('bad', 'acquire'),
      lock('bad', 'panic'),
      { ev: 'step', caption: 'main finds it poisoned' },
      lock('main', 'poisoned', { poisoned: true }),
    ]))
    expect(view.columns.map(c => c.title)).toEqual(['bad thread panics', 'main finds it poisoned'])
    expect(view.columns[0]!.cells[0]!.state).toBe('panicked')
    expect(view.columns[0]!.locks[0]!.poisoned).toBe(true)
    expect(view.columns[1]!.cells[1]!.state).toBe('poisoned')
  })

  it('lets readers share an RwLock and keeps a writer alone', () => {
    const rw = (thread: string, mode: string, op: string) => ({ ...lock(thread, op), kind: 'rwlock', lock: 'cfg', mode })
    const view = lockSteps('rwlock/t', seqd([rw('r1', 'read', 'acquire'), rw('r2', 'read', 'acquire'), rw('w', 'write', 'wait')]))
    expect(view.columns[1]!.locks[0]!.holders).toEqual([{ thread: 'r1', mode: 'read' }, { thread: 'r2', mode: 'read' }])
    expect(() => lockSteps('rwlock/t', seqd([rw('r1', 'read', 'acquire'), rw('w', 'write', 'acquire')])))
      .toThrow('snippet "rwlock/t", event seq 1: thread "w" acquires "cfg" while "r1" still holds it; record `LockOp::Release` before the guard is dropped')
  })

  it('rejects a release without a hold and events after a panic', () => {
    expect(() => lockSteps('m/x', seqd([lock('t1', 'release')]))).toThrow('event seq 0: thread "t1" releases "m" without holding it')
    expect(() => lockSteps('m/x', seqd([lock('t1', 'acquire'), lock('t1', 'panic'), lock('t1', 'wait')]))).toThrow('event seq 2: thread "t1" records after it panicked')
    expect(() => lockSteps('m/x', seqd([{ ev: 'step', caption: 'x' }]))).toThrow('LockTimeline needs')
  })
})
