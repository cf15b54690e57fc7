import { describe, expect, it } from 'vitest'
import { clickMarkers, dayPace, lessonPace, partAt, partLine, partTopics, planDays, planParts, planSchedule, questionsPut, slideMinimum, slidePace, topicPace } from './pace.ts'

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

  it('no longer asks for a minute per slide on average: each slide is judged by its clicks and questions', () => {
    const problems = topicPace([{ frontmatter: { minutes: 0.5 }, note: 'Say it.' }, slide({ minutes: 20, exercise: true })])
    expect(problems).toEqual([])
  })

  it('refuses a slide whose clicks and questions need more time than it has, naming it', () => {
    const note = 'First.\n[click] Second.\n[click] Third.\nAsk: "why?"'
    const problems = topicPace([{ frontmatter: { minutes: 1 }, note }, slide({ minutes: 10, exercise: true })])
    expect(problems).toEqual([{ slide: 0, message: expect.stringContaining('2 click steps and 1 question to the class (`Ask` in its notes) need at least 2.6') }])
  })
})

describe('slideMinimum', () => {
  it('is 0.5 plus 0.3 per click step plus 1.5 per question', () => {
    expect(slideMinimum('')).toBe(0.5)
    expect(slideMinimum('[click] a [click:3] b')).toBe(1.1)
    expect(slideMinimum('Ask: "one?" Then Ask again. asking is not a question put.')).toBe(3.5)
  })

  it('counts markers and questions as the notes write them', () => {
    expect(clickMarkers('[click] [click:2] [clicks]')).toBe(2)
    expect(questionsPut('Ask: x. Asked. task. Ask before each click')).toBe(2)
  })

  it('leaves exercises, breaks and slides without notes to their own minutes', () => {
    const busy = '[click] [click] Ask: a? Ask: b?'
    expect(slidePace([
      { frontmatter: { minutes: 1, exercise: true }, note: busy },
      { frontmatter: { minutes: 1, break: true }, note: busy },
      { frontmatter: { minutes: 0.5 } },
      { frontmatter: { minutes: 4.1 }, note: busy },
    ])).toEqual([])
  })
})

describe('planDays and dayPace', () => {
  const lesson = [
    slide({ minutes: 200, part: 'A' }),
    slide({ minutes: 30, optional: true }),
    slide({ minutes: 15, break: true }),
    slide({ minutes: 150 }),
    slide({ minutes: 100, day: 2 }),
    slide({ minutes: 20, homework: true }),
  ]

  it('cuts days at `day:` and leaves breaks and slides off the class path out of their minutes', () => {
    expect(planDays(lesson)).toEqual([
      { number: 1, first: 0, last: 3, minutes: 350, breakMinutes: 15, offPath: [1] },
      { number: 2, first: 4, last: 5, minutes: 100, breakMinutes: 0, offPath: [5] },
    ])
  })

  it('accepts two declared days that each fit 6 hours', () => {
    expect(dayPace(lesson, 2)).toEqual([])
  })

  it('refuses a day over 6 hours, pointing to optional slides or a second day', () => {
    const problems = dayPace([slide({ minutes: 300 }), slide({ minutes: 61 })], undefined)
    expect(problems).toEqual([{ slide: 0, message: expect.stringContaining('day 1 teaches 361 minutes, more than 360') }])
    expect(problems[0]!.message).toContain('`optional: true`')
    expect(dayPace([slide({ minutes: 300 }), slide({ minutes: 61, optional: true })], undefined)).toEqual([])
  })

  it('refuses days that do not match `days:`, out of order or malformed', () => {
    expect(dayPace(lesson, 1)[0]!.message).toContain('declares 1 day (`days:`) but its slides make 2')
    expect(dayPace([slide({ minutes: 1 })], 2)[0]!.message).toContain('start each day after the first')
    expect(dayPace([slide({ minutes: 1 }), slide({ minutes: 1, day: 3 })], 2)[0]!.message).toContain('day 3 comes where day 2 should start')
    expect(dayPace([slide({ minutes: 1 })], 'two')[0]!.message).toContain('must be a whole number of days')
    expect(dayPace([slide({ minutes: 1 }), slide({ minutes: 1, day: 'two' })], 1)[0]!.message).toContain('`day:` must be a whole number')
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

  it('leaves optional and homework slides out of a part', () => {
    const parts = planParts([slide({ minutes: 80, part: 'A' }), slide({ minutes: 30, optional: true }), slide({ minutes: 5, homework: true })])
    expect(parts[0]!.minutes).toBe(80)
    expect(lessonPace([slide({ minutes: 80, part: 'A' }), slide({ minutes: 30, optional: true })])).toEqual([])
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

  it('needs no break where a part ends a day', () => {
    expect(lessonPace([slide({ minutes: 10, part: 'A' }), slide({ minutes: 10, part: 'B', day: 2 })])).toEqual([])
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

describe('planSchedule', () => {
  it('gives each part its day and the slides off the class path', () => {
    const rows = planSchedule([
      { frontmatter: { minutes: 10, part: 'A' }, title: 'Open' },
      { frontmatter: { minutes: 1, optional: true }, title: 'Objective' },
      { frontmatter: { minutes: 5, break: true } },
      { frontmatter: { minutes: 20, part: 'B', day: 2 } },
      { frontmatter: { minutes: 3, homework: true } },
    ])
    expect(rows.map(r => [r.number, r.part.name, r.day, r.part.minutes])).toEqual([[1, 'A', 1, 10], [2, 'B', 2, 20]])
    expect(rows[0]!.offPath).toEqual([{ index: 1, title: 'Objective', minutes: 1, kind: 'optional' }])
    expect(rows[1]!.offPath).toEqual([{ index: 4, title: 'slide 5', minutes: 3, kind: 'homework' }])
  })
})
