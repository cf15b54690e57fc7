// @vitest-environment happy-dom
import { readFileSync } from 'node:fs'
import { mount } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { nextTick } from 'vue'
import LifetimeScopes from './LifetimeScopes.vue'
import { resetSlide, slide } from './testing/fakeSlidev.ts'
import { addSnippet } from './testing/fakeSnippets.ts'

vi.mock('../adapter/slidev/client.ts', () => import('./testing/fakeSlidev.ts'))
vi.mock('virtual:snippets', () => import('./testing/fakeSnippets.ts'))

afterEach(resetSlide)

function span(line: number, columnStart: number, columnEnd: number, label: string, primary = false) {
  return { file: 'concrete-lifetimes/fail/dangling.rs', lineStart: line, lineEnd: line, columnStart, columnEnd, label, primary }
}

// rustc 1.95's spans for this file, as the check stores them.
addSnippet({
  id: 'concrete-lifetimes/dangling',
  topic: 'concrete-lifetimes',
  file: 'snippets/concrete-lifetimes/fail/dangling.rs',
  command: 'rustc concrete-lifetimes/fail/dangling.rs',
  source: readFileSync('snippets/concrete-lifetimes/fail/dangling.rs', 'utf8'),
  expectation: { kind: 'compile-error', codes: ['E0597'] },
  support: null,
  status: 'passed',
  failures: [],
  key: 'test',
  durationMs: 0,
  run: null,
  tests: null,
  trace: null,
  diagnostics: [{
    level: 'error',
    code: 'E0597',
    message: '`word` does not live long enough',
    rendered: '',
    spans: [
      span(11, 20, 25, 'borrowed value does not live long enough', true),
      span(12, 5, 6, '`word` dropped here while still borrowed'),
      span(10, 13, 17, 'binding `word` declared here'),
      span(13, 26, 34, 'borrow later used here'),
    ],
  }],
})

describe('lifetimeScopes', () => {
  it('grows bars named after the values and draws the late borrow as the error', async () => {
    const w = mount(LifetimeScopes, { props: { snippet: 'concrete-lifetimes/dangling' } })
    await nextTick()
    const bars = () => w.findAll('[data-bar]').map(b => `${b.attributes('data-bar')}:${b.attributes('data-start')}-${b.attributes('data-end')}:${b.attributes('data-error')}`)
    expect(bars()).toEqual(['word:10-10:false'])
    expect(w.find('[data-error-bar]').exists()).toBe(false)
    slide.current = 3
    await nextTick()
    expect(bars()).toEqual(['word:10-12:false', 'shortest:11-13:true'])
    expect(w.get('[data-error-bar]').attributes('data-error-bar')).toBe('shortest')
    expect(w.get('figcaption').text()).toContain('error[E0597]: `word` does not live long enough')
    expect(w.findAll('.scope-name code').map(c => c.text())).toEqual(['word', 'shortest'])
    expect(w.text()).not.toMatch(/'a\b/)
  })

  it('says at each step what that step adds, and ends on the error', async () => {
    const w = mount(LifetimeScopes, { props: { snippet: 'concrete-lifetimes/dangling' } })
    const captions: string[] = []
    for (let click = 0; click <= 3; click++) {
      slide.current = click
      await nextTick()
      captions.push(w.get('figcaption').text())
    }
    expect(new Set(captions).size).toBe(captions.length)
    expect(captions[0]).toContain('binding `word` declared here')
    expect(captions[2]).toContain('`word` dropped here while still borrowed')
    expect(captions[3]).toContain('error[E0597]: `word` does not live long enough — borrow later used here')
  })

  it('shows the region\'s code lines, with rustc\'s labels', () => {
    const w = mount(LifetimeScopes, { props: { snippet: 'concrete-lifetimes/dangling' } })
    expect(w.findAll('[data-line]').map(l => Number(l.attributes('data-line')))).toEqual([8, 9, 10, 11, 12, 13])
    expect(w.get('[data-line="11"]').text()).toContain('borrowed value does not live long enough')
  })
})
