/**
 * Time budgets, read from slide frontmatter: each slide's `minutes:`, a
 * `section:` that starts a section, a deck's `budget:` in its headmatter
 * (its first slide), and `topic:`, which `slides/lesson.md` puts on each
 * `src:` import so every included slide knows which topic deck it came from.
 *
 * Plain functions with no Vue or Slidev import: the check (Node) and the
 * presenter display and topic map (browser) share them.
 */

/** What budget logic needs of one slide: its frontmatter as Slidev merged it. */
export interface BudgetSlide {
  frontmatter: Record<string, unknown>
}

/** The budget fields of one slide, or what is wrong with them, by field. */
export interface BudgetFields {
  minutes: number | null
  section: string | null
  budget: number | null
  topic: string | null
  /** `field` → message, for fields present but not usable. */
  problems: Partial<Record<'minutes' | 'section' | 'budget' | 'topic', string>>
}

/** A section: from a slide with `section:` to the next one, or the end of its deck. */
export interface PlannedSection {
  /** `null` for the slides of a deck before its first `section:`. */
  name: string | null
  topic: string | null
  /** 0-based index of its first and last slide. */
  first: number
  last: number
  minutes: number
}

/** A run of consecutive slides from one topic deck included in the lesson. */
export interface PlannedTopic {
  topic: string
  first: number
  last: number
  /** The included deck's own `budget:`; `null` when it declares none. */
  budget: number | null
  minutes: number
}

export interface PlannedSlide {
  minutes: number
  /** Minutes planned for the slides before this one. */
  startsAt: number
  topic: string | null
  /** Index into `Plan.sections`. */
  section: number
}

export interface Plan {
  /** The entry deck's own `budget:` (headmatter of the first slide). */
  budget: number | null
  /** The sum of every slide's minutes. */
  minutes: number
  slides: PlannedSlide[]
  sections: PlannedSection[]
  topics: PlannedTopic[]
}

/** The lesson's total when `slides/lesson.md` declares no `budget:`. */
export const DEFAULT_LESSON_BUDGET = 180

/**
 * Minutes and budgets are positive numbers (a YAML string of digits counts).
 * The one rule for the check, the presenter's strip and the site index: a
 * slide worth showing takes some time (`minutes: 0.5` for a short one).
 */
function positiveNumber(value: unknown, key: string): number | string {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value
  if (typeof n !== 'number' || !Number.isFinite(n) || n <= 0)
    return `\`${key}:\` must be a positive number of minutes, not ${JSON.stringify(value) ?? String(value)}`
  return n
}

export function readBudgetFields(frontmatter: Record<string, unknown>): BudgetFields {
  const fields: BudgetFields = { minutes: null, section: null, budget: null, topic: null, problems: {} }
  if ('minutes' in frontmatter) {
    const m = positiveNumber(frontmatter.minutes, 'minutes')
    if (typeof m === 'number')
      fields.minutes = m
    else fields.problems.minutes = m
  }
  if ('budget' in frontmatter) {
    const b = positiveNumber(frontmatter.budget, 'budget')
    if (typeof b === 'number')
      fields.budget = b
    else fields.problems.budget = b
  }
  for (const key of ['section', 'topic'] as const) {
    if (!(key in frontmatter))
      continue
    const v = frontmatter[key]
    if (typeof v === 'string' && v.trim() !== '')
      fields[key] = v.trim()
    else fields.problems[key] = `\`${key}:\` needs a name, not \`${String(v)}\``
  }
  return fields
}

/**
 * The schedule of a deck as Slidev shows it: unusable or missing minutes
 * count as 0 here (the check reports them with their file and line).
 */
export function planDeck(slides: readonly BudgetSlide[]): Plan {
  const plan: Plan = { budget: null, minutes: 0, slides: [], sections: [], topics: [] }
  let previousTopic: string | null | undefined
  slides.forEach((slide, index) => {
    const f = readBudgetFields(slide.frontmatter)
    if (index === 0)
      plan.budget = f.budget
    const minutes = f.minutes ?? 0
    const newDeck = index === 0 || f.topic !== previousTopic
    if (newDeck && f.topic !== null)
      plan.topics.push({ topic: f.topic, first: index, last: index, budget: f.budget, minutes: 0 })
    if (newDeck || f.section !== null)
      plan.sections.push({ name: f.section, topic: f.topic, first: index, last: index, minutes: 0 })
    const section = plan.sections.at(-1)!
    section.last = index
    section.minutes += minutes
    const topic = plan.topics.at(-1)
    if (f.topic !== null && topic) {
      topic.last = index
      topic.minutes += minutes
    }
    plan.slides.push({ minutes, startsAt: plan.minutes, topic: f.topic, section: plan.sections.length - 1 })
    plan.minutes += minutes
    previousTopic = f.topic
  })
  return plan
}

/** What the presenter sees for the current slide. */
export interface PresenterBudget {
  /** The deck or included topic the slide belongs to, and its budget. */
  deck: { label: string, budget: number | null, minutes: number }
  section: { label: string, minutes: number, slide: number, of: number }
  /** Where the plan says we should be at the start of this slide, in minutes. */
  plannedStart: number
  elapsedSeconds: number
  /** Positive: behind the plan by this many minutes; negative: ahead. */
  driftMinutes: number
}

/** `index` is the current slide's 0-based index; `elapsedSeconds` the presenter's timer. */
export function presenterBudget(plan: Plan, index: number, elapsedSeconds: number, deckLabel = 'deck'): PresenterBudget | null {
  const slide = plan.slides[index]
  if (!slide)
    return null
  const section = plan.sections[slide.section]!
  const topic = slide.topic === null ? undefined : plan.topics.find(t => index >= t.first && index <= t.last)
  const deck = topic
    ? { label: topic.topic, budget: topic.budget, minutes: topic.minutes }
    : { label: deckLabel, budget: plan.budget, minutes: plan.minutes }
  const plannedStart = slide.startsAt
  return {
    deck,
    section: { label: section.name ?? (topic ? topic.topic : deckLabel), minutes: section.minutes, slide: index - section.first + 1, of: section.last - section.first + 1 },
    plannedStart,
    elapsedSeconds,
    driftMinutes: Math.round((elapsedSeconds / 60 - plannedStart) * 10) / 10,
  }
}

/** `65` → `1:05`, `3725` → `1:02:05`. */
export function formatClock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds))
  const h = Math.floor(s / 3600)
  const m = Math.floor((s % 3600) / 60)
  const sec = String(s % 60).padStart(2, '0')
  return h ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`
}

/** `2.5` → `+2.5 min behind`, `-1` → `1 min ahead`, `0` → `on time`. */
export function formatDrift(minutes: number): string {
  if (Math.abs(minutes) < 0.5)
    return 'on time'
  return minutes > 0 ? `${minutes} min behind` : `${-minutes} min ahead`
}

/** Slidev's shared presenter timer (`sharedState.timer`), as far as elapsed time needs it. */
export interface TimerState {
  status: 'stopped' | 'running' | 'paused'
  startedAt: number
  pausedAt: number
}

/** Seconds on the presenter's timer at `now` (ms since the epoch). */
export function timerElapsedSeconds(timer: TimerState | undefined, now: number): number {
  if (!timer || timer.status === 'stopped' || !timer.startedAt)
    return 0
  const end = timer.status === 'paused' ? timer.pausedAt : now
  return Math.max(0, (end - timer.startedAt) / 1000)
}

/** The strip's time part: the timer, where the plan is, and the drift once the timer runs. */
export function timeLine(view: PresenterBudget, status: TimerState['status'] | undefined): string {
  const plan = `plan ${formatClock(view.plannedStart * 60)}`
  if (!status || status === 'stopped')
    return `timer not started · ${plan}`
  return `timer ${formatClock(view.elapsedSeconds)}${status === 'paused' ? ' (paused)' : ''} · ${plan} · ${formatDrift(view.driftMinutes)}`
}
