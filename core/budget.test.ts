import { describe, expect, it } from 'vitest'
import { formatClock, formatDrift, planDeck, presenterBudget, readBudgetFields, timeLine, timerElapsedSeconds } from './budget.ts'

const s = (frontmatter: Record<string, unknown>) => ({ frontmatter })

describe('readBudgetFields', () => {
  it('reads numbers, numeric strings and names', () => {
    expect(readBudgetFields({ minutes: 3, section: ' Cycles ', budget: '12', topic: 'rc' }))
      .toEqual({ minutes: 3, section: 'Cycles', budget: 12, topic: 'rc', problems: {} })
  })

  it('names each unusable field', () => {
    const f = readBudgetFields({ minutes: 'soon', budget: 0, section: '' })
    expect(f.minutes).toBeNull()
    expect(f.problems.minutes).toContain('`minutes:` must be a positive number of minutes, not "soon"')
    expect(f.problems.budget).toContain('positive')
    expect(f.problems.section).toContain('needs a name')
  })

  it('refuses a zero-minute slide and a negative one: a slide takes some time', () => {
    expect(readBudgetFields({ minutes: 0 }).problems.minutes).toBe('`minutes:` must be a positive number of minutes, not 0')
    expect(readBudgetFields({ minutes: 0.5 }).minutes).toBe(0.5)
    expect(readBudgetFields({ minutes: -1 }).problems.minutes).toBeDefined()
  })
})

describe('planDeck', () => {
  const topicDeck = [
    s({ budget: 12, minutes: 1 }),
    s({ minutes: 2, section: 'Counts' }),
    s({ minutes: 3 }),
    s({ minutes: 4, section: 'Cycles' }),
  ]

  it('sums minutes per section and for the deck', () => {
    const plan = planDeck(topicDeck)
    expect(plan.budget).toBe(12)
    expect(plan.minutes).toBe(10)
    expect(plan.sections.map(x => [x.name, x.first, x.last, x.minutes])).toEqual([
      [null, 0, 0, 1],
      ['Counts', 1, 2, 5],
      ['Cycles', 3, 3, 4],
    ])
    expect(plan.slides.map(x => x.startsAt)).toEqual([0, 1, 3, 6])
    expect(plan.topics).toEqual([])
  })

  it('splits a lesson into its own slides and the included topics', () => {
    const lesson = [
      s({ budget: 180, minutes: 5 }),
      s({ topic: 'rc', budget: 12, minutes: 1 }),
      s({ topic: 'rc', minutes: 4, section: 'Counts' }),
      s({ topic: 'arc', budget: 10, minutes: 6 }),
      s({ minutes: 2, section: 'Closing' }),
    ]
    const plan = planDeck(lesson)
    expect(plan.budget).toBe(180)
    expect(plan.minutes).toBe(18)
    expect(plan.topics).toEqual([
      { topic: 'rc', first: 1, last: 2, budget: 12, minutes: 5 },
      { topic: 'arc', first: 3, last: 3, budget: 10, minutes: 6 },
    ])
    expect(plan.sections.map(x => [x.name, x.topic, x.minutes])).toEqual([
      [null, null, 5],
      [null, 'rc', 1],
      ['Counts', 'rc', 4],
      [null, 'arc', 6],
      ['Closing', null, 2],
    ])
  })

  it('counts missing or unusable minutes as zero', () => {
    expect(planDeck([s({}), s({ minutes: 'x' }), s({ minutes: 2 })]).minutes).toBe(2)
  })
})

describe('presenterBudget', () => {
  const plan = planDeck([
    s({ budget: 180, minutes: 5 }),
    s({ topic: 'rc', budget: 12, minutes: 1 }),
    s({ topic: 'rc', minutes: 4, section: 'Counts' }),
    s({ topic: 'rc', minutes: 3 }),
  ])

  it('describes the current topic, section and drift', () => {
    // Slide 4 is planned to start at 5 + 1 + 4 = 10 minutes; 12.5 have passed.
    expect(presenterBudget(plan, 3, 750, 'lesson')).toEqual({
      deck: { label: 'rc', budget: 12, minutes: 8 },
      section: { label: 'Counts', minutes: 7, slide: 2, of: 2 },
      plannedStart: 10,
      elapsedSeconds: 750,
      driftMinutes: 2.5,
    })
  })

  it('falls back to the deck itself outside a topic', () => {
    const view = presenterBudget(plan, 0, 0, 'lesson')!
    expect(view.deck).toEqual({ label: 'lesson', budget: 180, minutes: 13 })
    expect(view.section.label).toBe('lesson')
    expect(view.driftMinutes).toBe(0)
  })

  it('returns null past the end', () => {
    expect(presenterBudget(plan, 9, 0)).toBeNull()
  })
})

describe('formatting', () => {
  it('formats clocks and drift', () => {
    expect(formatClock(65)).toBe('1:05')
    expect(formatClock(3725)).toBe('1:02:05')
    expect(formatClock(-3)).toBe('0:00')
    expect(formatDrift(2.5)).toBe('2.5 min behind')
    expect(formatDrift(-1)).toBe('1 min ahead')
    expect(formatDrift(0.2)).toBe('on time')
  })
})

describe('timerElapsedSeconds', () => {
  it('reads running, paused and stopped timers', () => {
    expect(timerElapsedSeconds({ status: 'running', startedAt: 1000, pausedAt: 0 }, 61_000)).toBe(60)
    expect(timerElapsedSeconds({ status: 'paused', startedAt: 1000, pausedAt: 31_000 }, 99_000)).toBe(30)
    expect(timerElapsedSeconds({ status: 'stopped', startedAt: 1000, pausedAt: 0 }, 99_000)).toBe(0)
    expect(timerElapsedSeconds(undefined, 5)).toBe(0)
  })
})

describe('timeLine', () => {
  const view = presenterBudget(planDeck([{ frontmatter: { minutes: 3 } }, { frontmatter: { minutes: 2 } }]), 1, 300)!
  it('shows drift only once the timer runs', () => {
    expect(timeLine(view, 'stopped')).toBe('timer not started · plan 3:00')
    expect(timeLine(view, 'running')).toBe('timer 5:00 · plan 3:00 · 2 min behind')
    expect(timeLine(view, 'paused')).toBe('timer 5:00 (paused) · plan 3:00 · 2 min behind')
  })
})
