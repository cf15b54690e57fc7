// @vitest-environment happy-dom
import { readFileSync } from 'node:fs'
import { mount } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { nextTick } from 'vue'
import { parseTraceText } from '../core/trace.ts'
import HeapLayout from './HeapLayout.vue'
import { resetSlide, slide } from './testing/fakeSlidev.ts'

vi.mock('../adapter/slidev/client.ts', () => import('./testing/fakeSlidev.ts'))
vi.mock('virtual:snippets', () => import('./testing/fakeSnippets.ts'))

afterEach(resetSlide)

describe('heapLayout', () => {
  it('shows the sizes box/fat-pointers recorded, one more type per click', async () => {
    const recorded = parseTraceText('box/fat-pointers', readFileSync('snippets/box/expected/fat-pointers.trace', 'utf8'))
      .flatMap(e => e.ev === 'layout' ? [[e.type, String(e.size), String(e.heap)]] : [])
    const w = mount(HeapLayout, { props: { snippet: 'box/fat-pointers' } })
    await nextTick()
    const rows = () => w.findAll('tbody tr')
    // Every row is laid out from the start; later ones are hidden, so nothing moves.
    expect(rows()).toHaveLength(recorded.length)
    for (let click = 0; click < recorded.length; click++) {
      slide.current = click
      await nextTick()
      expect(rows().map(r => r.classes().includes('layout-hidden'))).toEqual(recorded.map((_, i) => i > click))
    }
    expect(rows().map(r => [r.attributes('data-type'), r.attributes('data-size'), r.attributes('data-heap')])).toEqual(recorded)
    expect(rows()[0]!.text()).toContain(`${recorded[0]![1]} B`)
  })
})
