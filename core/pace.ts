/**
 * Pace rules: a schedule a class can keep, on top of the time budgets.
 *
 * - A topic deck's exercise is a block of at least 10 minutes: the slides
 *   whose frontmatter says `exercise: true` add up to that much.
 * - Every other slide takes at least 0.5 minutes, plus 0.3 per click step
 *   (a `[click]` marker in its notes, one per step as Slidev's presenter
 *   view wants them), plus 1.5 per question put to the class (an `Ask` in
 *   its notes). Breaks and exercises keep their own minutes.
 * - A slide marked `optional: true` or `homework: true` is off the class
 *   path: it stays in the deck and the learners' site and the schedule
 *   lists it, but no part or day counts its minutes.
 * - The class path fits 6 hours of teaching a day, breaks apart. A lesson
 *   that needs more declares `days: <n>` in its headmatter, and a slide
 *   with `day: <n>` starts each day after the first.
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
  /** Least minutes of any slide outside exercises and breaks. */
  slideMinutes: number
  /** Minutes added per click step. */
  clickMinutes: number
  /** Minutes added per question put to the class. */
  questionMinutes: number
  /** Most minutes of one part of the lesson, breaks left out. */
  partMinutes: number
  /** Most minutes of teaching in one day, breaks left out. */
  dayMinutes: number
}

export const PACE: PaceRules = { exerciseMinutes: 10, slideMinutes: 0.5, clickMinutes: 0.3, questionMinutes: 1.5, partMinutes: 90, dayMinutes: 360 }

/** A slide as the pace rules read it: its frontmatter and, where known, its speaker notes. */
export interface PaceSlide extends BudgetSlide {
  note?: string
}

/** Click steps a slide's notes announce: one `[click]` (or `[click:n]`) marker per step. */
export function clickMarkers(note: string): number {
  return note.match(/\[click(?::\d+)?\]/g)?.length ?? 0
}

/** Questions the notes put to the class: each `Ask` (capitalised, as a word). */
export function questionsPut(note: string): number {
  return note.match(/\bAsk\b/g)?.length ?? 0
}

/** Least minutes a slide needs: 0.5, plus 0.3 per click step, plus 1.5 per question. */
export function slideMinimum(note: string, rules: PaceRules = PACE): number {
  return round(rules.slideMinutes + rules.clickMinutes * clickMarkers(note) + rules.questionMinutes * questionsPut(note))
}

/** A problem with a deck's pace; `slide` is the 0-based slide it is about, or null for the whole deck. */
export interface PaceProblem {
  slide: number | null
  message: string
}

const minutesOf = (slide: BudgetSlide): number => readBudgetFields(slide.frontmatter).minutes ?? 0
export const isExercise = (slide: BudgetSlide): boolean => slide.frontmatter.exercise === true
export const isBreak = (slide: BudgetSlide): boolean => slide.frontmatter.break === true
/** `optional: true` or `homework: true`: off the class path. */
export const isOffPath = (slide: BudgetSlide): boolean => slide.frontmatter.optional === true || slide.frontmatter.homework === true

/** Slides whose minutes are under what their click steps and questions need (exercises and breaks keep their own). */
export function slidePace(slides: readonly PaceSlide[], rules: PaceRules = PACE): PaceProblem[] {
  const problems: PaceProblem[] = []
  slides.forEach((slide, index) => {
    // A slide without usable minutes is the budgets' problem, reported there.
    if (isExercise(slide) || isBreak(slide) || slide.note === undefined || readBudgetFields(slide.frontmatter).minutes === null)
      return
    const need = slideMinimum(slide.note, rules)
    const minutes = minutesOf(slide)
    if (minutes < need) {
      const clicks = clickMarkers(slide.note)
      const asks = questionsPut(slide.note)
      problems.push({ slide: index, message: `the slide takes ${minutes} minutes; ${rules.slideMinutes} plus ${clicks} click step${clicks === 1 ? '' : 's'} and ${asks} question${asks === 1 ? '' : 's'} to the class (\`Ask\` in its notes) need at least ${need}: give it more time, or cut clicks or questions` })
    }
  })
  return problems
}

/** The rules for one topic deck: an exercise block, and every slide its time. */
export function topicPace(slides: readonly PaceSlide[], rules: PaceRules = PACE): PaceProblem[] {
  const problems: PaceProblem[] = []
  const exercise = slides.filter(isExercise)
  const exerciseMinutes = exercise.reduce((sum, s) => sum + minutesOf(s), 0)
  if (!exercise.length)
    problems.push({ slide: null, message: `no exercise block: mark the exercise slide \`exercise: true\` and give it at least ${rules.exerciseMinutes} minutes` })
  else if (exerciseMinutes < rules.exerciseMinutes)
    problems.push({ slide: slides.indexOf(exercise[0]!), message: `the exercise block takes ${exerciseMinutes} minutes; a class needs at least ${rules.exerciseMinutes}` })
  return [...problems, ...slidePace(slides, rules)]
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
    else if (!isOffPath(slide))
      part.minutes += minutesOf(slide)
  })
  return parts
}

/** One day of the lesson: its class-path minutes and the slides off the path. */
export interface PlannedDay {
  number: number
  /** 0-based first and last slide. */
  first: number
  last: number
  /** Minutes of its class path: breaks and optional or homework slides left out. */
  minutes: number
  /** Minutes of its breaks. */
  breakMinutes: number
  /** The slides off the class path (0-based), for the schedule to list. */
  offPath: number[]
}

/** The `day:` of a slide, or null; a bad value is null too (the lesson's rules report it). */
function dayOf(slide: BudgetSlide): number | null {
  const day = slide.frontmatter.day
  return typeof day === 'number' && Number.isInteger(day) && day >= 1 ? day : null
}

/** The days of a deck: a slide with `day: <n>` starts day n; before the first, day 1. */
export function planDays(slides: readonly BudgetSlide[]): PlannedDay[] {
  const days: PlannedDay[] = []
  slides.forEach((slide, index) => {
    const marked = dayOf(slide)
    let day = days.at(-1)
    if (!day || (marked !== null && marked !== day.number)) {
      day = { number: marked ?? 1, first: index, last: index, minutes: 0, breakMinutes: 0, offPath: [] }
      days.push(day)
    }
    day.last = index
    if (isBreak(slide))
      day.breakMinutes += minutesOf(slide)
    else if (isOffPath(slide))
      day.offPath.push(index)
    else day.minutes += minutesOf(slide)
  })
  return days
}

/** The part holding slide `index` (0-based) and its 1-based number, or null. */
export function partAt(parts: readonly PlannedPart[], index: number): { part: PlannedPart, number: number } | null {
  const i = parts.findIndex(p => index >= p.first && index <= p.last)
  return i < 0 ? null : { part: parts[i]!, number: i + 1 }
}

/** The rules for the days of a lesson: each fits a day's teaching, numbered 1, 2, … as `days:` declares. */
export function dayPace(slides: readonly BudgetSlide[], declared: unknown, rules: PaceRules = PACE): PaceProblem[] {
  const problems: PaceProblem[] = []
  if (!slides.length)
    return problems
  const days = declared ?? 1
  if (typeof days !== 'number' || !Number.isInteger(days) || days < 1)
    return [{ slide: 0, message: `\`days:\` must be a whole number of days, 1 or more, not ${JSON.stringify(declared)}` }]
  slides.forEach((slide, index) => {
    if ('day' in slide.frontmatter && dayOf(slide) === null)
      problems.push({ slide: index, message: `\`day:\` must be a whole number, 1 or more, not ${JSON.stringify(slide.frontmatter.day)}` })
  })
  const planned = planDays(slides)
  planned.forEach((day, i) => {
    if (day.number !== i + 1)
      problems.push({ slide: day.first, message: `day ${day.number} comes where day ${i + 1} should start: number the days 1, 2, … in order` })
    if (day.minutes > rules.dayMinutes) {
      const over = days === 1 ? `: mark slides \`optional: true\` or \`homework: true\` to take them off the class path, or declare \`days: 2\` and start day 2 with \`day: 2\`` : ''
      problems.push({ slide: day.first, message: `day ${day.number} teaches ${round(day.minutes)} minutes, more than ${rules.dayMinutes} (6 hours, breaks apart)${over}` })
    }
  })
  if (planned.length !== days)
    problems.push({ slide: 0, message: `the lesson declares ${days} day${days === 1 ? '' : 's'} (\`days:\`) but its slides make ${planned.length}${planned.length < days ? `: start each day after the first with \`day: <n>\`` : ''}` })
  return problems
}

/** The rules for the whole lesson: parts of one sitting each, a break between parts. */
export function lessonPace(slides: readonly BudgetSlide[], rules: PaceRules = PACE): PaceProblem[] {
  const problems: PaceProblem[] = []
  const parts = planParts(slides)
  const teaching = slides.filter(s => !isBreak(s) && !isOffPath(s)).reduce((sum, s) => sum + minutesOf(s), 0)
  if (!parts.length) {
    if (teaching > rules.partMinutes)
      problems.push({ slide: 0, message: `the lesson takes ${round(teaching)} minutes, more than one sitting of ${rules.partMinutes}: cut it into parts with \`part: <name>\`` })
    return problems
  }
  const dayStarts = new Set(planDays(slides).slice(1).map(d => d.first))
  if (parts[0]!.first !== 0)
    problems.push({ slide: 0, message: `the first slide belongs to no part: give it \`part: <name>\`` })
  const seen = new Set<string>()
  parts.forEach((part, i) => {
    if (seen.has(part.name))
      problems.push({ slide: part.first, message: `part "${part.name}" starts a second time; give each part its own name` })
    seen.add(part.name)
    if (part.minutes > rules.partMinutes)
      problems.push({ slide: part.first, message: `part ${i + 1} "${part.name}" takes ${round(part.minutes)} minutes, over one sitting of ${rules.partMinutes}` })
    // A part that ends a day needs no break: the next one starts another day.
    const endsDay = i < parts.length - 1 && dayStarts.has(parts[i + 1]!.first)
    if (i < parts.length - 1 && !endsDay && !isBreak(slides[part.last]!))
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

/** A slide off the class path, as the schedule lists it. */
export interface OffPathSlide {
  /** 0-based slide. */
  index: number
  title: string
  minutes: number
  kind: 'optional' | 'homework'
}

/** One row of the lesson's schedule: a part, the day it is on, and its slides off the class path. */
export interface ScheduleRow {
  number: number
  part: PlannedPart
  day: number
  offPath: OffPathSlide[]
}

/** The schedule of a deck: its parts in order, each with its day and the slides a class skips. */
export function planSchedule(slides: readonly (BudgetSlide & { title?: string | null })[]): ScheduleRow[] {
  const days = planDays(slides)
  return planParts(slides).map((part, i) => ({
    number: i + 1,
    part,
    day: days.find(d => part.first >= d.first && part.first <= d.last)?.number ?? 1,
    offPath: slides.slice(part.first, part.last + 1).flatMap((slide, j) => isOffPath(slide)
      ? [{ index: part.first + j, title: slide.title?.trim() || `slide ${part.first + j + 1}`, minutes: minutesOf(slide), kind: slide.frontmatter.homework === true ? 'homework' as const : 'optional' as const }]
      : []),
  }))
}
