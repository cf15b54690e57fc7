// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { nextTick } from 'vue'
import RcGraph from './RcGraph.vue'
import { resetSlide, slide } from './testing/fakeSlidev.ts'

vi.mock('../adapter/slidev/client.ts', () => import('./testing/fakeSlidev.ts'))
vi.mock('virtual:snippets', () => import('./testing/fakeSnippets.ts'))

afterEach(resetSlide)

function counts(wrapper: ReturnType<typeof mount>) {
  const alloc = wrapper.get('[data-alloc="alloc0"]')
  return {
    strong: Number(alloc.attributes('data-strong')),
    handles: wrapper.findAll('[data-handle]').map(h => `${h.attributes('data-handle')}:${h.attributes('data-state')}`),
    announce: wrapper.get('[data-testid="announce"]').text(),
  }
}

describe('rcGraph', () => {
  it('steps through rc/clone-counts one click at a time', async () => {
    const wrapper = mount(RcGraph, { props: { snippet: 'rc/clone-counts' } })
    await nextTick()
    // 5 recorded events: 4 clicks after the first step.
    expect([...slide.registered.values()]).toEqual([{ delta: 4, max: 4 }])
    const seen = []
    for (let click = 0; click <= 5; click++) {
      slide.current = click
      await nextTick()
      seen.push(counts(wrapper))
    }
    expect(seen.map(s => s.strong)).toEqual([1, 2, 3, 2, 2, 2])
    expect(seen[0]!.handles).toEqual(['a:live', 'b:absent', 'c:absent'])
    expect(seen[3]!.handles).toEqual(['a:live', 'b:live', 'c:dropped'])
    expect(seen[0]!.announce).toBe('Step 1 of 5: a = Rc::new: strong 1, weak 0')
    expect(seen[3]!.announce).toContain('c dropped: strong 2')
    expect(wrapper.get('[data-alloc="alloc0"] [data-testid="strong"]').text()).toBe('2')
    wrapper.unmount()
    expect(slide.registered.size).toBe(0)
  })

  it('starts at an absolute click with `at`', async () => {
    const wrapper = mount(RcGraph, { props: { snippet: 'rc/clone-counts', at: 3 } })
    await nextTick()
    slide.current = 2
    await nextTick()
    expect(counts(wrapper).strong).toBe(1)
    slide.current = 4
    await nextTick()
    expect(counts(wrapper).strong).toBe(3)
  })

  it('shows the final state when exported without clicks', async () => {
    slide.printing = true
    const wrapper = mount(RcGraph, { props: { snippet: 'rc/clone-counts' } })
    await nextTick()
    expect(wrapper.get('figure').attributes('data-step')).toBe('4')
    expect(counts(wrapper).handles).toEqual(['a:live', 'b:live', 'c:dropped'])
  })

  it('keeps the same drawing size at every step', async () => {
    const wrapper = mount(RcGraph, { props: { snippet: 'rc/clone-counts' } })
    await nextTick()
    const box = wrapper.get('svg').attributes('viewBox')
    slide.current = 4
    await nextTick()
    expect(wrapper.get('svg').attributes('viewBox')).toBe(box)
    expect(wrapper.findAll('[data-handle]')).toHaveLength(3)
  })

  it('draws hand-written events, and says what is wrong with bad ones', async () => {
    const wrapper = mount(RcGraph, {
      props: { trace: [{ seq: 0, ev: 'arc', alloc: 'alloc0', handle: 'x', op: 'new', strong: 1, weak: 0, thread: 'main' }] },
    })
    expect(wrapper.get('[data-alloc="alloc0"]').text()).toContain('Arc block 1')
    expect(wrapper.text()).toContain('hand-written steps')
    expect(() => mount(RcGraph, { props: { trace: [{ seq: 0, ev: 'rc' }] } })).toThrow('snippet "hand-written", event seq 0 (rc): missing field "alloc"')
    expect(() => mount(RcGraph, { props: { snippet: 'rc/nope' } })).toThrow('snippet "rc/nope" has no captures')
  })

  it('draws a handle stored in a heap value inside the block its owner points at', async () => {
    const rc = (seq: number, alloc: string, handle: string, strong: number) => ({ seq, ev: 'rc', alloc, handle, op: seq < 2 ? 'new' : 'clone', strong, weak: 0, thread: 'main' })
    const wrapper = mount(RcGraph, { props: { trace: [rc(0, 'alloc0', 'a', 1), rc(1, 'alloc1', 'b', 1), rc(2, 'alloc1', 'a.next', 2)] } })
    await nextTick()
    slide.current = 5
    await nextTick()
    const x = (name: string) => Number(/translate\(([\d.]+)/.exec(wrapper.get(`[data-handle="${name}"]`).attributes('transform')!)![1])
    const heapX = Number(/translate\(([\d.]+)/.exec(wrapper.get('[data-alloc="alloc0"]').attributes('transform')!)![1])
    expect(x('a')).toBeLessThan(heapX)
    expect(x('b')).toBeLessThan(heapX)
    expect(x('a.next')).toBeGreaterThan(heapX)
    expect(wrapper.get('[data-handle="a.next"]').classes()).toContain('rc-field')
    wrapper.unmount()
  })
})

describe('rcGraph markers', () => {
  it('gives each diagram its own arrowheads, so a hidden slide does not take them from a later one', async () => {
    const host = mount({
      components: { RcGraph },
      template: '<div><RcGraph snippet="rc/clone-counts" /><RcGraph snippet="rc/clone-counts" /></div>',
    })
    await nextTick()
    const svgs = host.findAll('svg')
    expect(svgs).toHaveLength(2)
    const ids = svgs.map(svg => svg.findAll('marker, pattern').map(m => m.attributes('id')!))
    expect(new Set([...ids[0]!, ...ids[1]!]).size).toBe(ids[0]!.length + ids[1]!.length)
    for (const [i, svg] of svgs.entries()) {
      for (const path of svg.findAll('path[marker-end]')) {
        const target = /^url\(#(.+)\)$/.exec(path.attributes('marker-end')!)![1]!
        expect(ids[i]).toContain(target)
      }
    }
  })
})
