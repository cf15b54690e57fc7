/**
 * What the site index needs from a deck, read from its markdown with
 * Slidev's own parser: the title, the objectives and time budget declared in
 * its headmatter, and each slide's `minutes:` and `section:`.
 */
import { parseSync } from '@slidev/parser'
import { LessonError } from '../errors.ts'

export interface SlideTime {
  /** 1-based line of the slide's first line in the deck. */
  line: number
  /** `minutes:` of the slide, or null when it has none. */
  minutes: number | null
  /** `section:` of the slide, when it begins a section. */
  section: string | null
}

export interface Section {
  name: string
  /** Sum of the `minutes:` of its slides. */
  minutes: number
}

export interface DeckMeta {
  id: string
  /** Path of the deck relative to the kit's root, e.g. `slides/rc.md`. */
  file: string
  /** `title:` of the headmatter (markdown: may hold backticks), or the first heading. */
  title: string
  /** `info:` of the headmatter. */
  info: string | null
  /** `budget:` of the headmatter in minutes, or null when the deck declares none. */
  budget: number | null
  /** `objectives:` of the headmatter: a list of one-line objectives. */
  objectives: string[]
  /** Slides of this file (slides a `src:` entry imports are not counted here). */
  slides: SlideTime[]
  /** Sum of the slides' `minutes:`. */
  minutes: number
  /** Sections in order; slides before the first `section:` belong to none. */
  sections: Section[]
  /** `src:` entries: decks whose slides this deck includes. */
  sources: string[]
}

/** Parses one deck. Malformed values are errors naming the file and line. */
export function readDeckMeta(id: string, file: string, markdown: string): DeckMeta {
  const parsed = parseSync(markdown, file)
  const lines = markdown.split(/\r?\n/)
  const head = parsed.slides[0]
  if (!head)
    throw new LessonError(`${file}:1: the deck has no slides`)
  const fm = head.frontmatter as Record<string, unknown>
  const at = (slideStart: number, key: string): string => `${file}:${keyLine(lines, slideStart, key)}`

  const title = fm.title ?? head.title
  if (typeof title !== 'string' || !title.trim())
    throw new LessonError(`${file}:1: the deck has no \`title:\` in its headmatter and no heading on its first slide`)
  const info = fm.info === undefined ? null : String(fm.info)
  const budget = fm.budget === undefined ? null : positiveNumber(fm.budget, at(head.start, 'budget'), 'budget')
  const objectives = readObjectives(fm.objectives, at(head.start, 'objectives'))

  const slides: SlideTime[] = []
  const sources: string[] = []
  for (const slide of parsed.slides) {
    const f = slide.frontmatter as Record<string, unknown>
    if (typeof f.src === 'string') {
      sources.push(f.src)
      continue
    }
    // A slide may take 0 minutes (a self-check question), as the check's budget allows.
    const minutes = f.minutes === undefined ? null : positiveNumber(f.minutes, at(slide.start, 'minutes'), 'minutes', true)
    let section: string | null = null
    if (f.section !== undefined) {
      if (typeof f.section !== 'string' || !f.section.trim())
        throw new LessonError(`${at(slide.start, 'section')}: \`section:\` must be a name, not ${JSON.stringify(f.section)}`)
      section = f.section.trim()
    }
    slides.push({ line: slide.start + 1, minutes, section })
  }
  const sections: Section[] = []
  for (const s of slides) {
    if (s.section)
      sections.push({ name: s.section, minutes: 0 })
    const current = sections.at(-1)
    if (current)
      current.minutes += s.minutes ?? 0
  }
  return {
    id,
    file,
    title: title.trim(),
    info,
    budget,
    objectives,
    slides,
    minutes: slides.reduce((sum, s) => sum + (s.minutes ?? 0), 0),
    sections,
    sources,
  }
}

function positiveNumber(value: unknown, where: string, key: string, allowZero = false): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || (value === 0 && !allowZero))
    throw new LessonError(`${where}: \`${key}:\` must be a ${allowZero ? 'number of minutes (0 or more)' : 'positive number of minutes'}, not ${JSON.stringify(value)}`)
  return value
}

function readObjectives(value: unknown, where: string): string[] {
  if (value === undefined)
    return []
  const list = typeof value === 'string' ? [value] : value
  if (!Array.isArray(list) || list.some(o => typeof o !== 'string' || !o.trim()))
    throw new LessonError(`${where}: \`objectives:\` must be a list of one-line objectives`)
  return (list as string[]).map(o => o.trim())
}

/** 1-based line of `key:` in the frontmatter starting at 0-based line `start`. */
function keyLine(lines: string[], start: number, key: string): number {
  const pattern = new RegExp(`^${key}\\s*:`)
  for (let i = start + 1; i < lines.length && lines[i]!.trimEnd() !== '---'; i++) {
    if (pattern.test(lines[i]!))
      return i + 1
  }
  return start + 1
}
