import { describe, expect, it } from 'vitest'
import { lessonPace, partAt, partLine, partTopics, planParts, topicPace } from './pace.ts'

const slide = (frontmatter: Record<string, unknown>) => ({ frontmatter })

describe('topicPace', () => {
  it('accepts a deck with a 10-minute exercise and one-minute slides', () => {
    expect(topicPace([slide({ minutes: 1 }), slide({ minutes: 1.5 }), slide({ minutes: 10, exercise: true })])).toEqual([])
  })

  it('asks for an exercise block', () => {
    expect(topicPace([slide({ minutes: 2 })])).toEqual([{ slide: null, message: expect.stringContaining('no exercise block') }])
  })

  it('refuses an exercise shorter than 10 minutes, naming its slide', () => {
    const problems = topicPace([slide({ minutes: 1 }), slide({ minutes: 5, exercise: true })])
    expect(problems).toEqual([{ slide: 1, message: expect.stringContaining('takes 5 minutes') }])
  })

  it('refuses content slides under a minute on average, the exercise left out', () => {
    const problems = topicPace([slide({ minutes: 0.5 }), slide({ minutes: 1 }), slide({ minutes: 20, exercise: true })])
    expect(problems).toEqual([{ slide: null, message: expect.stringContaining('0.8 minutes each on average') }])
  })
})

describe('planParts', () => {
  const lesson = [
    slide({ minutes: 2, part: 'One' }),
    slide({ minutes: 30, part: 'One', topic: 'rc' }),
    slide({ minutes: 15, break: true }),
    slide({ minutes: 40, part: 'Two' }),
    slide({ minutes: 1 }),
  ]

  it('starts a part where the name changes and leaves breaks out of its minutes', () => {
    expect(planParts(lesson)).toEqual([
      { name: 'One', first: 0, last: 2, minutes: 32, breakMinutes: 15 },
      { name: 'Two', first: 3, last: 4, minutes: 41, breakMinutes: 0 },
    ])
  })

  it('finds the part of a slide', () => {
    expect(partAt(planParts(lesson), 2)?.number).toBe(1)
    expect(partAt(planParts(lesson), 4)?.part.name).toBe('Two')
    expect(partLine(planParts(lesson), 3)).toBe('part 2/2 Two: 41 min')
    expect(partAt([], 0)).toBeNull()
  })

  it('accepts that lesson', () => {
    expect(lessonPace(lesson)).toEqual([])
  })
})

describe('lessonPace', () => {
  it('asks a lesson longer than one sitting for parts', () => {
    expect(lessonPace([slide({ minutes: 60 }), slide({ minutes: 60 })])[0]!.message).toContain('cut it into parts')
  })

  it('refuses a part over 90 minutes', () => {
    const problems = lessonPace([slide({ minutes: 91, part: 'Long' })])
    expect(problems).toEqual([{ slide: 0, message: expect.stringContaining('91 minutes, over one sitting of 90') }])
  })

  it('asks for a break between parts', () => {
    const problems = lessonPace([slide({ minutes: 10, part: 'A' }), slide({ minutes: 10, part: 'B' })])
    expect(problems).toEqual([{ slide: 0, message: expect.stringContaining('ends without a break') }])
  })

  it('refuses slides before the first part and a part name used twice', () => {
    const problems = lessonPace([
      slide({ minutes: 1 }),
      slide({ minutes: 1, part: 'A' }),
      slide({ minutes: 5, break: true }),
      slide({ minutes: 1, part: 'B' }),
      slide({ minutes: 5, break: true }),
      slide({ minutes: 1, part: 'A' }),
    ])
    expect(problems.map(p => p.message)).toEqual([
      expect.stringContaining('belongs to no part'),
      expect.stringContaining('starts a second time'),
    ])
  })
})

describe('partTopics', () => {
  it('lists the topics that start inside a part', () => {
    const part = { name: 'A', first: 2, last: 9, minutes: 0, breakMinutes: 0 }
    expect(partTopics(part, [{ topic: 'box', first: 1 }, { topic: 'rc', first: 2 }, { topic: 'arc', first: 9 }, { topic: 'mutex', first: 10 }])).toEqual(['rc', 'arc'])
  })
})
