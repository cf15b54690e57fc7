/**
 * The pace rules of `core/pace.ts`, judged on a deck as loaded, each
 * problem named by file and line: a topic deck's exercise block and slide
 * pace, the lesson's parts.
 */
import type { ShownSlide } from '../../core/deck-model.ts'
import type { DeckSet } from './decks.ts'
import { lessonPace, topicPace } from '../../core/pace.ts'

export function judgePace(slides: readonly ShownSlide[], kind: 'topic' | 'lesson'): string[] {
  if (!slides.length)
    return []
  const head = slides[0]!
  const problems = kind === 'topic' ? topicPace(slides) : lessonPace(slides)
  return problems.map(({ slide, message }) => {
    const at = slide === null ? head : slides[slide]!
    const line = kind === 'lesson' || slide === null ? (at.keyLines.part ?? at.keyLines.break ?? at.line) : (at.keyLines.exercise ?? at.keyLines.minutes ?? at.line)
    return `${at.file}:${line}: ${kind === 'topic' ? '' : 'the lesson: '}${message}`
  })
}

/** The pace rules on every topic deck and the lesson whose fields could be read. */
export function paceProblems(set: DeckSet): string[] {
  return set.decks
    .filter(d => d.kind !== 'other' && !d.invalid.length)
    .flatMap(d => judgePace(d.shown, d.kind === 'lesson' ? 'lesson' : 'topic'))
}
