import { describe, expect, it } from 'vitest'
import { planDeck } from './budget.ts'
import { findAnchor, shortTitle, topicMap } from './lessonMap.ts'

const topics = [
  { id: 'rc', number: '2.2.4', title: 'Rc' },
  { id: 'arc', number: '2.2.6', title: 'Arc' },
  { id: 'box', number: '2.2.3', title: 'Box' },
]

describe('topicMap', () => {
  it('takes budgets and first slides from the included decks', () => {
    const plan = planDeck([
      { frontmatter: { budget: 120, minutes: 4 } },
      { frontmatter: { topic: 'rc', budget: 12, minutes: 3 } },
      { frontmatter: { topic: 'rc', minutes: 5 } },
      { frontmatter: { topic: 'arc', budget: 6, minutes: 6 } },
      { frontmatter: { minutes: 2 } },
    ])
    const map = topicMap(plan, topics)
    expect(map.rows).toEqual([
      { id: 'rc', number: '2.2.4', title: 'Rc', budget: 12, minutes: 8, slide: 2, share: 1 },
      { id: 'arc', number: '2.2.6', title: 'Arc', budget: 6, minutes: 6, slide: 4, share: 0.5 },
      { id: 'box', number: '2.2.3', title: 'Box', budget: null, minutes: 0, slide: null, share: 0 },
    ])
    expect(map).toMatchObject({ topicMinutes: 14, ownMinutes: 6, totalMinutes: 20, budget: 120 })
  })

  it('uses the default lesson total when the lesson declares none', () => {
    expect(topicMap(planDeck([{ frontmatter: { minutes: 1 } }]), topics).budget).toBe(180)
  })
})

describe('shortTitle', () => {
  it('keeps the type name only', () => {
    expect(shortTitle('Smart Pointers — Box<T>')).toBe('Box<T>')
    expect(shortTitle('Rc<T> Smart Pointer')).toBe('Rc<T>')
    expect(shortTitle('Deref Coercion')).toBe('Deref Coercion')
  })
})

describe('findAnchor', () => {
  it('finds a slide by its anchor', () => {
    const slides = [{ frontmatter: {} }, { frontmatter: { anchor: 'pitfalls' } }]
    expect(findAnchor(slides, 'pitfalls')).toBe(2)
    expect(findAnchor(slides, 'nowhere')).toBeNull()
  })
})
