// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { nextTick } from 'vue'
import BorrowState from './BorrowState.vue'
import { resetSlide, slide } from './testing/fakeSlidev.ts'

vi.mock('../adapter/slidev/client.ts', () => import('./testing/fakeSlidev.ts'))
vi.mock('virtual:snippets', () => import('./testing/fakeSnippets.ts'))

afterEach(resetSlide)

const guards = (w: ReturnType<typeof mount>) => w.findAll('[data-guard]').map(g => `${g.attributes('data-guard')}:${g.attributes('data-state')}`)

describe('borrowState', () => {
  it('steps refcell/try-borrow: flag and guards per step', async () => {
    const w = mount(BorrowState, { props: { snippet: 'refcell/try-borrow' } })
    await nextTick()
    const seen = []
    for (let click = 0; click < 4; click++) {
      slide.current = click
      await nextTick()
      seen.push([w.get('[data-cell="log"]').attributes('data-flag'), guards(w).join(' ')])
    }
    expect(seen).toEqual([
      ['shared', 'reader:shared writer:absent'],
      ['shared', 'reader:shared writer:refused'],
      ['unborrowed', 'reader:released writer:absent'],
      ['exclusive', 'reader:released writer:exclusive'],
    ])
    expect(w.find('[data-testid="panic"]').exists()).toBe(false)
    expect(w.get('[data-guard="writer"]').text()).toContain('RefMut')
  })

  it('draws the refused borrow_mut of refcell/double-borrow as the panic the check proved', async () => {
    const w = mount(BorrowState, { props: { snippet: 'refcell/double-borrow' } })
    await nextTick()
    // The panic line's space is reserved from the first step.
    expect(w.get('[data-testid="panic"]').classes()).not.toContain('borrow-panic-on')
    slide.current = 1
    await nextTick()
    expect(guards(w)).toEqual(['first:exclusive', 'second:refused'])
    expect(w.get('[data-testid="panic"]').classes()).toContain('borrow-panic-on')
    expect(w.get('[data-testid="panic"]').text()).toContain('already borrowed')
    expect(w.get('[data-testid="announce"]').text()).toContain('Step 2 of 2')
  })
})
