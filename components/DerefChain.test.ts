// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { nextTick } from 'vue'
import DerefChain from './DerefChain.vue'
import { resetSlide, slide } from './testing/fakeSlidev.ts'

vi.mock('../adapter/slidev/client.ts', () => import('./testing/fakeSlidev.ts'))
vi.mock('virtual:snippets', () => import('./testing/fakeSnippets.ts'))

afterEach(resetSlide)

describe('derefChain', () => {
  it('reveals one type of the coercion per click', async () => {
    const w = mount(DerefChain, { props: { steps: ['&Box<String>', '&String', '&str'] } })
    await nextTick()
    const shown = () => w.findAll('[data-type]').map(t => t.attributes('data-shown'))
    expect(shown()).toEqual(['true', 'false', 'false'])
    slide.current = 2
    await nextTick()
    expect(shown()).toEqual(['true', 'true', 'true'])
    expect(w.get('[data-testid="announce"]').text()).toBe('Step 3 of 3: &String → &str: String derefs to str')
  })

  it('rejects a chain of one type', () => {
    expect(() => mount(DerefChain, { props: { steps: ['&str'] } })).toThrow('a deref chain needs at least two types')
  })
})
