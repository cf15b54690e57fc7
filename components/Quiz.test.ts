// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { nextTick } from 'vue'
import Quiz from './Quiz.vue'
import { fakeQuestions } from './testing/fakeQuizzes.ts'
import { resetSlide, slide } from './testing/fakeSlidev.ts'

vi.mock('../adapter/slidev/client.ts', () => import('./testing/fakeSlidev.ts'))
vi.mock('virtual:snippets', () => import('./testing/fakeSnippets.ts'))
vi.mock('virtual:quizzes', () => import('./testing/fakeQuizzes.ts'))

// rc/clone-counts ends with strong 2 in its recording (checked in as expected/clone-counts.trace).
const props = { snippet: 'rc/clone-counts', ask: 'counts' as const, handle: 'a', answer: '2 0', wrong: ['3 0', '1 0'] }
fakeQuestions(props)

beforeEach(() => localStorage.clear())
afterEach(() => {
  resetSlide()
  vi.unstubAllEnvs()
})

describe('quiz on the published site', () => {
  beforeEach(() => vi.stubEnv('DEV', false))

  it('is a radio group: pick, check, hear the result, see the real answer and why; the answer is kept', async () => {
    const wrapper = mount(Quiz, { props, slots: { default: 'Two owners are left.' } })
    await nextTick()
    expect(wrapper.get('fieldset legend').text()).toContain('What are strong_count and weak_count now?')
    const radios = wrapper.findAll('input[type="radio"]')
    expect(radios).toHaveLength(3)
    expect(new Set(radios.map(r => r.attributes('name'))).size).toBe(1)
    expect(wrapper.find('.quiz-explain').exists()).toBe(false)
    const status = wrapper.get('[role="status"]')
    expect(status.attributes('aria-live')).toBe('polite')
    expect(status.text()).toBe('')
    const labels = wrapper.findAll('label.quiz-choice')
    const wrong = labels.findIndex(l => l.text().includes('strong_count = 3'))
    await radios[wrong]!.setValue(true)
    await wrapper.get('button').trigger('click')
    expect(status.text()).toBe('Not this time: the real outcome is marked.')
    expect(wrapper.get('.is-right').text()).toContain('strong_count = 2, weak_count = 0')
    expect(wrapper.get('.is-wrong').text()).toContain('✗ your answer')
    expect(wrapper.get('.quiz-explain').text()).toContain('Two owners are left.')
    const first = { picked: 'strong_count = 3, weak_count = 0', correct: false }
    expect(JSON.parse(localStorage.getItem('lesson-quiz:rc/clone-counts:counts:a:')!)).toEqual({ ...first, first })
    wrapper.unmount()

    // Back on the slide later: the answer is still there; Try again clears it from the slide
    // and keeps the first attempt for the progress.
    const again = mount(Quiz, { props })
    await nextTick()
    expect(again.get('[role="status"]').text()).toBe('Not this time: the real outcome is marked.')
    await again.get('button').trigger('click')
    expect(JSON.parse(localStorage.getItem('lesson-quiz:rc/clone-counts:counts:a:')!)).toEqual({ picked: null, correct: false, first })
    expect(again.find('.is-right').exists()).toBe(false)
    // A second, right answer is shown, and the first attempt still counts.
    const choices = again.findAll('label.quiz-choice')
    await again.findAll('input[type="radio"]')[choices.findIndex(l => l.text().includes('strong_count = 2'))]!.setValue(true)
    await again.get('button').trigger('click')
    expect(again.get('[role="status"]').text()).toBe('Right: that is what really happened.')
    expect(JSON.parse(localStorage.getItem('lesson-quiz:rc/clone-counts:counts:a:')!)).toEqual({ picked: 'strong_count = 2, weak_count = 0', correct: true, first })
  })

  it('registers no click: → goes on and never reveals an unanswered question; "Show the answer" does', async () => {
    const wrapper = mount(Quiz, { props })
    await nextTick()
    expect([...slide.registered.values()]).toEqual([])
    slide.current = 1
    await nextTick()
    expect(wrapper.find('.is-right').exists()).toBe(false)
    expect(wrapper.find('.quiz-explain').exists()).toBe(false)
    await wrapper.get('button.quiz-show').trigger('click')
    expect(wrapper.get('.is-right').text()).toContain('strong_count = 2')
    expect(wrapper.get('[role="status"]').text()).toBe('The real outcome is marked.')
    expect(localStorage.length).toBe(0)
  })

  it('printed, asks only', async () => {
    slide.printing = true
    const wrapper = mount(Quiz, { props })
    slide.current = 1
    await nextTick()
    expect(wrapper.find('input').exists()).toBe(false)
    expect(wrapper.find('.is-right').exists()).toBe(false)
    expect(wrapper.get('.quiz-later').text()).toBe('The answer is at the end of the topic.')
  })

  it('fails loudly on a question the build did not work out', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    expect(() => mount(Quiz, { props: { ...props, handle: 'b' } })).toThrow(/<Quiz snippet="rc\/clone-counts">: the build worked out no such question/)
  })
})

it('in class (the dev server): a list, revealed on the click', async () => {
  vi.stubEnv('DEV', true)
  const wrapper = mount(Quiz, { props })
  await nextTick()
  expect(wrapper.find('input').exists()).toBe(false)
  expect(wrapper.findAll('ol.quiz-list li')).toHaveLength(3)
  expect(wrapper.find('.is-right').exists()).toBe(false)
  slide.current = 1
  await nextTick()
  expect(wrapper.get('.is-right').text()).toContain('✓ what really happened')
})
