// @vitest-environment happy-dom
/**
 * How the replays end: each stepped to its last click, and what is drawn
 * there checked against what the program did. (The captions of
 * concrete-lifetimes/dangling, step by step: `LifetimeScopes.test.ts`.)
 */
import { mount } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { nextTick } from 'vue'
import LockTimeline from './LockTimeline.vue'
import RcGraph from './RcGraph.vue'
import { resetSlide, slide } from './testing/fakeSlidev.ts'
import { addSnippet, recorded } from './testing/fakeSnippets.ts'

vi.mock('../adapter/slidev/client.ts', () => import('./testing/fakeSlidev.ts'))
vi.mock('virtual:snippets', () => import('./testing/fakeSnippets.ts'))

afterEach(resetSlide)

for (const id of ['rc/weak-tree', 'rwlock/read-write', 'arc/threads-share', 'rc/cycle-leak'])
  addSnippet(recorded(id))

/** Mounts `component` and steps it to its last click. */
async function atLastClick(component: Parameters<typeof mount>[0], snippet: string) {
  const wrapper = mount(component, { props: { snippet } })
  await nextTick()
  const [clicks] = [...slide.registered.values()]
  slide.current = clicks!.max
  await nextTick()
  return wrapper
}

const handle = (w: ReturnType<typeof mount>, name: string) => w.get(`[data-handle="${name}"]`)

describe('replay endings', () => {
  it('rc/weak-tree: freeing notes drops its Weak parent, and home\'s block is freed, not kept', async () => {
    const w = await atLastClick(RcGraph, 'rc/weak-tree')
    expect(handle(w, 'notes').attributes('data-state')).toBe('dropped')
    expect(handle(w, 'notes.parent').attributes('data-state')).toBe('dropped')
    const blocks = w.findAll('[data-alloc]')
    expect(blocks.map(b => b.attributes('data-state'))).toEqual(['dropped', 'dropped'])
    for (const b of blocks) {
      expect(b.get('[data-testid="weak"]').text()).toBe('0')
      expect(b.text()).toContain('block freed')
      expect(b.text()).not.toContain('block kept')
    }
  })

  it('rwlock/read-write: r3\'s read shows before its release', async () => {
    const w = mount(LockTimeline, { props: { snippet: 'rwlock/read-write' } })
    await nextTick()
    const last = [...slide.registered.values()][0]!.max
    slide.current = last
    await nextTick()
    const r3 = w.findAll('[data-lane="r3"]').map(c => c.attributes('data-state'))
    expect(r3.at(-1)).toBe('released')
    expect(r3.at(-2)).toBe('holding')
    slide.current = last - 1
    await nextTick()
    expect(w.get('figcaption').text()).toContain('r3 reads the new value')
    expect(w.findAll('[data-lane="r3"]').at(-1)!.attributes('data-state')).toBe('holding')
  })

  it('arc/threads-share: each worker\'s handle is drawn as its thread\'s, not main\'s', async () => {
    const w = mount(RcGraph, { props: { snippet: 'arc/threads-share' } })
    await nextTick()
    // Step 2: the clones are made and handed over.
    slide.current = 1
    await nextTick()
    for (const t of ['t1', 't2', 't3']) {
      expect(handle(w, t).text()).toContain(`thread ${t}`)
      expect(handle(w, t).text()).not.toContain('thread main')
    }
    const [clicks] = [...slide.registered.values()]
    slide.current = clicks!.max
    await nextTick()
    for (const t of ['t1', 't2', 't3']) {
      expect(handle(w, t).attributes('data-state')).toBe('dropped')
      expect(handle(w, t).text()).not.toContain('thread main')
    }
  })

  it('rc/cycle-leak: a.next and b.next are two arrows with heads, on lanes of their own', async () => {
    const w = await atLastClick(RcGraph, 'rc/cycle-leak')
    const arrows = w.findAll('path.rc-arrow')
    expect(arrows).toHaveLength(2)
    for (const a of arrows)
      expect(a.attributes('marker-end')).toMatch(/^url\(#/)
    // The vertical run of each: `V` after its lane's `Q x …`.
    const lanes = arrows.map(a => Number(/Q (\d+(?:\.\d+)?) /.exec(a.attributes('d')!)?.[1]))
    expect(lanes.every(Number.isFinite)).toBe(true)
    expect(Math.abs(lanes[0]! - lanes[1]!)).toBeGreaterThanOrEqual(16)
  })
})
