// @vitest-environment happy-dom
import { readFileSync } from 'node:fs'
import { mount } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { nextTick } from 'vue'
import { lockSteps } from '../core/lockSteps.ts'
import { parseTraceText } from '../core/trace.ts'
import LockTimeline from './LockTimeline.vue'
import { resetSlide, slide } from './testing/fakeSlidev.ts'

vi.mock('../adapter/slidev/client.ts', () => import('./testing/fakeSlidev.ts'))
vi.mock('virtual:snippets', () => import('./testing/fakeSnippets.ts'))

afterEach(resetSlide)

const recording = parseTraceText('mutex/contention', readFileSync('snippets/mutex/expected/contention.trace', 'utf8'))

describe('lockTimeline', () => {
  it('shows each lane\'s state per recorded step of mutex/contention', async () => {
    const wrapper = mount(LockTimeline, { props: { snippet: 'mutex/contention' } })
    await nextTick()
    const want = lockSteps('mutex/contention', recording).columns
    expect([...slide.registered.values()]).toEqual([{ delta: want.length - 1, max: want.length - 1 }])
    for (let k = 0; k < want.length; k++) {
      slide.current = k
      await nextTick()
      // Columns up to the current step are drawn, later ones are not.
      expect(wrapper.findAll('[data-lane="t1"]')).toHaveLength(k + 1)
      const shown = ['t1', 't2', 't3'].map(t => wrapper.get(`[data-lane="${t}"][data-col="${k}"]`).attributes('data-state'))
      expect(shown).toEqual(want[k]!.cells.map(c => c.state))
      expect(wrapper.get('[data-lock="log"]').attributes('data-holders')).toBe(want[k]!.locks[0]!.holders.map(h => `${h.thread}:${h.mode}`).join(','))
      expect(wrapper.get('figcaption').text()).toContain(want[k]!.title)
    }
    // The story the mutex deck tells, as the run recorded it.
    expect(want.map(c => c.cells.map(x => x.state).join(' '))).toEqual([
      'holding idle idle',
      'holding waiting idle',
      'holding waiting would-block',
      'released holding idle',
      'idle released idle',
      'idle idle holding',
      'idle idle released',
    ])
  })

  it('shows the final state outside a slide\'s clicks', () => {
    slide.outside = true
    const wrapper = mount(LockTimeline, { props: { snippet: 'mutex/contention' } })
    expect(wrapper.get('figure').attributes('data-step')).toBe('6')
    expect(wrapper.findAll('[data-lane="t3"]')).toHaveLength(7)
  })

  it('shows poison after a panic', () => {
    const ev = (seq: number, thread: string, op: string, poisoned = false) => ({ seq, ev: 'lock', kind: 'mutex', lock: 'm', thread, mode: 'exclusive', op, poisoned })
    const wrapper = mount(LockTimeline, { props: { trace: [ev(0, 'bad', 'acquire'), ev(1, 'bad', 'panic'), ev(2, 'main', 'poisoned', true)] } })
    expect(wrapper.get('[data-lock="m"]').attributes('data-poisoned')).toBe('true')
    expect(wrapper.get('[data-lock="m"]').text()).toContain('poisoned')
    expect(wrapper.get('[data-lane="bad"][data-col="1"]').attributes('data-state')).toBe('panicked')
    expect(wrapper.get('[data-lane="bad"][data-col="2"]').attributes('data-state')).toBe('idle')
    expect(wrapper.get('[data-lane="main"][data-col="2"]').text()).toContain('Err')
  })
})

describe('lockTimeline patterns', () => {
  it('gives each diagram its own hatch pattern', async () => {
    const host = mount({
      components: { LockTimeline },
      template: '<div><LockTimeline snippet="mutex/contention" /><LockTimeline snippet="mutex/contention" /></div>',
    })
    await nextTick()
    const ids = host.findAll('pattern').map(p => p.attributes('id'))
    expect(ids).toHaveLength(2)
    expect(new Set(ids).size).toBe(2)
  })
})
