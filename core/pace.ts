/**
 * Pace rules: a schedule a class can keep, on top of the time budgets.
 *
 * - A topic deck's exercise is a block of at least 10 minutes: the slides
 *   whose frontmatter says `exercise: true` add up to that much.
 * - A topic deck's other slides take at least 1 minute each on average:
 *   a slide with a question to the class is not a 30-second slide.
 * - The lesson is cut into parts a class takes in one sitting: a slide with
 *   `part: <name>` starts a part (slides a `src:` import brings in carry it
 *   from the import, so a part starts where the name changes); each part's
 *   slides, breaks left out, take at most 90 minutes; a slide with
 *   `break: true` ends every part but the last. Its `minutes:` are the
 *   break's length, so the presenter's plan and drift stay true to the clock.
 *
 * Plain functions on frontmatter, as `budget.ts`: the check reports the
 * problems with file and line; the presenter strip, the lesson's schedule
 * slide and the site index show the parts.
 */
import type { BudgetSlide } from './budget.ts'
import { readBudgetFields } from './budget.ts'

export interface PaceRules {
  /** Least minutes of a topic deck's exercise block. */
  exerciseMinutes: number
  /** Least average minutes of a topic deck's slides outside the exercise. */
  contentAverage: number
  /** Most minutes of one part of the lesson, breaks left out. */
  partMinutes: number
}

export const PACE: PaceRules = { exerciseMinutes: 10, contentAverage: 1, partMinutes: 90 }

/** A problem with a deck's pace; `slide` is the 0-based slide it is about, or null for the whole deck. */
export interface PaceProblem {
  slide: number | null
  message: string
}

const minutesOf = (slide: BudgetSlide): number => readBudgetFields(slide.frontmatter).minutes ?? 0
export const isExercise = (slide: BudgetSlide): boolean => slide.frontmatter.exercise === true
export const isBreak = (slide: BudgetSlide): boolean => slide.frontmatter.break === true

/** The rules for one topic deck: an exercise block, and content slides of a minute or more on average. */
export function topicPace(slides: readonly BudgetSlide[], rules: PaceRules = PACE): PaceProblem[] {
  const problems: PaceProblem[] = []
  const exercise = slides.filter(isExercise)
  const exerciseMinutes = exercise.reduce((sum, s) => sum + minutesOf(s), 0)
  if (!exercise.length)
    problems.push({ slide: null, message: `no exercise block: mark the exercise slide \`exercise: true\` and give it at least ${rules.exerciseMinutes} minutes` })
  else if (exerciseMinutes < rules.exerciseMinutes)
    problems.push({ slide: slides.indexOf(exercise[0]!), message: `the exercise block takes ${exerciseMinutes} minutes; a class needs at least ${rules.exerciseMinutes}` })
  const content = slides.filter(s => !isExercise(s))
  if (content.length) {
    const average = content.reduce((sum, s) => sum + minutesOf(s), 0) / content.length
    if (average < rules.contentAverage)
      problems.push({ slide: null, message: `its ${content.length} slides outside the exercise take ${round(average)} minutes each on average; plan at least ${rules.contentAverage}` })
  }
  return problems
}

/** One sitting of the lesson. */
export interface PlannedPart {
  name: string
  /** 0-based first and last slide, the break after it included. */
  first: number
  last: number
  /** Minutes of its slides, breaks left out. */
  minutes: number
  /** Minutes of the break slides at its end (0 for none). */
  breakMinutes: number
}

/** The parts of a deck, in order; empty when no slide names one. */
export function planParts(slides: readonly BudgetSlide[]): PlannedPart[] {
  const parts: PlannedPart[] = []
  slides.forEach((slide, index) => {
    const name = typeof slide.frontmatter.part === 'string' ? slide.frontmatter.part.trim() : null
    const current = parts.at(-1)
    if (name && name !== current?.name)
      parts.push({ name, first: index, last: index, minutes: 0, breakMinutes: 0 })
    const part = parts.at(-1)
    if (!part)
      return
    part.last = index
    if (isBreak(slide))
      part.breakMinutes += minutesOf(slide)
    else part.minutes += minutesOf(slide)
  })
  return parts
}

/** The part holding slide `index` (0-based) and its 1-based number, or null. */
export function partAt(parts: readonly PlannedPart[], index: number): { part: PlannedPart, number: number } | null {
  const i = parts.findIndex(p => index >= p.first && index <= p.last)
  return i < 0 ? null : { part: parts[i]!, number: i + 1 }
}

/** The rules for the whole lesson: parts of one sitting each, a break between parts. */
export function lessonPace(slides: readonly BudgetSlide[], rules: PaceRules = PACE): PaceProblem[] {
  const problems: PaceProblem[] = []
  const parts = planParts(slides)
  const teaching = slides.filter(s => !isBreak(s)).reduce((sum, s) => sum + minutesOf(s), 0)
  if (!parts.length) {
    if (teaching > rules.partMinutes)
      problems.push({ slide: 0, message: `the lesson takes ${round(teaching)} minutes, more than one sitting of ${rules.partMinutes}: cut it into parts with \`part: <name>\`` })
    return problems
  }
  if (parts[0]!.first !== 0)
    problems.push({ slide: 0, message: `the first slide belongs to no part: give it \`part: <name>\`` })
  const seen = new Set<string>()
  parts.forEach((part, i) => {
    if (seen.has(part.name))
      problems.push({ slide: part.first, message: `part "${part.name}" starts a second time; give each part its own name` })
    seen.add(part.name)
    if (part.minutes > rules.partMinutes)
      problems.push({ slide: part.first, message: `part ${i + 1} "${part.name}" takes ${round(part.minutes)} minutes, over one sitting of ${rules.partMinutes}` })
    if (i < parts.length - 1 && !isBreak(slides[part.last]!))
      problems.push({ slide: part.last, message: `part ${i + 1} "${part.name}" ends without a break: end it with a slide marked \`break: true\`` })
  })
  return problems
}

function round(n: number): number {
  return Math.round(n * 10) / 10
}

/** `part 2/4 Shared ownership: 88 min`: the presenter strip's part line. */
export function partLine(parts: readonly PlannedPart[], index: number): string | null {
  const at = partAt(parts, index)
  return at ? `part ${at.number}/${parts.length} ${at.part.name}: ${round(at.part.minutes)} min` : null
}

/** Ids of the included topic decks that start inside `part`, in order. */
export function partTopics(part: PlannedPart, topics: readonly { topic: string, first: number }[]): string[] {
  return topics.filter(t => t.first >= part.first && t.first <= part.last).map(t => t.topic)
}
