/**
 * The pace rules of `core/pace.ts`, judged on a deck as loaded, each
 * problem named by file and line: a topic deck's exercise block and each
 * slide's time for its clicks and questions; the lesson's parts and days,
 * and the time of the lesson's own slides.
 */
import type { ShownSlide } from '../../core/deck-model.ts'
import type { PaceProblem } from '../../core/pace.ts'
import type { DeckSet } from './decks.ts'
import { dayPace, lessonPace, slidePace, topicPace } from '../../core/pace.ts'

type Where = (at: ShownSlide) => number

const fieldLine = (...keys: string[]): Where => at => keys.map(k => at.keyLines[k]).find(l => l !== undefined) ?? at.line

function place(slides: readonly ShownSlide[], problems: readonly PaceProblem[], where: Where, prefix: string): string[] {
  return problems.map(({ slide, message }) => {
    const at = slide === null ? slides[0]! : slides[slide]!
    return `${at.file}:${where(at)}: ${prefix}${message}`
  })
}

export function judgePace(slides: readonly ShownSlide[], kind: 'topic' | 'lesson'): string[] {
  if (!slides.length)
    return []
  if (kind === 'topic')
    return place(slides, topicPace(slides), fieldLine('exercise', 'minutes'), '')
  const head = slides[0]!
  // Included topic slides are judged with their own deck; here only the lesson's own.
  const own = slides.map(s => s.file === head.file ? s : { ...s, note: undefined })
  return [
    ...place(slides, lessonPace(slides), fieldLine('part', 'break'), 'the lesson: '),
    ...place(slides, dayPace(slides, head.frontmatter.days), fieldLine('day', 'days'), 'the lesson: '),
    ...place(slides, slidePace(own), fieldLine('minutes'), ''),
  ]
}

/** The pace rules on every topic deck and the lesson whose fields could be read. */
export function paceProblems(set: DeckSet): string[] {
  return set.decks
    .filter(d => d.kind !== 'other' && !d.invalid.length)
    .flatMap(d => judgePace(d.shown, d.kind === 'lesson' ? 'lesson' : 'topic'))
}
