/**
 * The way around the published site from inside a deck: back to the index,
 * on to the next topic, and the keys a learner moves with. Every deck is
 * published at `<site>/<id>/index.html`, so the links are relative and work
 * hosted and from the unzipped offline copy alike.
 */
import type { Topic } from './topics.ts'
import { LESSON_ID, TOPICS } from './topics.ts'

export interface DeckNav {
  /** The site's front page, from a deck. */
  index: string
  /** The glossary page, from a deck. */
  glossary: string
  /** The search page, from a deck. */
  search: string
  /** The topic after this one, with the link to its deck; null after the last topic and in the whole lesson. */
  next: (Topic & { href: string }) | null
  /** The topic this deck teaches, or null for the whole lesson and other decks. */
  topic: Topic | null
}

/** Where a deck's links lead, for deck `id` (`null` when the build did not say which deck it is). */
export function deckNav(id: string | null, topics: readonly Topic[] = TOPICS): DeckNav {
  const at = topics.findIndex(t => t.id === id)
  const following = at >= 0 ? topics[at + 1] : undefined
  return {
    index: '../index.html',
    glossary: '../glossary.html',
    search: '../search.html',
    next: id !== LESSON_ID && following ? { ...following, href: `../${following.id}/index.html` } : null,
    topic: at >= 0 ? topics[at]! : null,
  }
}

/** The keys, told on a deck's first slide. */
export const KEY_HINT: readonly { keys: string, does: string }[] = [
  { keys: '→ or Space', does: 'next step' },
  { keys: '←', does: 'back' },
  { keys: 'o', does: 'all slides at a glance' },
  { keys: 'g', does: 'go to a slide by its title' },
]

/** What a tap at `x` across a slide `width` wide does: nothing on a control, else the right half goes on and the left half back. */
export function tapTarget(onControl: boolean, x: number, width: number): 'next' | 'prev' | null {
  if (onControl || width <= 0)
    return null
  return x >= width / 2 ? 'next' : 'prev'
}

/** Where an exercise slide sends learners for its starter and tests. */
export interface ExerciseLink {
  /** What the slide shows: a URL to type, or in print the page's path on the lesson's site. */
  text: string
  /** The link; null in print, where the page's address is only the printer's. */
  href: string | null
}

/**
 * The exercises page for an exercise slide of `topic` (null: the page's
 * top), seen from `page`, the deck's address. The dev server serves it at
 * `/exercises/`; a published deck (hosted or from disk) has it at
 * `../exercises/`. A printed slide (the PDFs) names it on the lesson's site,
 * since the address it was printed from is a throw-away loopback server's.
 */
export function exerciseLink(page: string, topic: string | null, mode: { dev: boolean, print: boolean }): ExerciseLink {
  const hash = topic ? `#ex-${topic}` : ''
  if (mode.print)
    return { text: `exercises/${hash}`, href: null }
  const url = new URL(mode.dev ? '/exercises/' : '../exercises/', page)
  const href = `${url.href.replace(/[?#].*$/, '')}${hash}`
  return { text: href, href }
}

/**
 * The topic an exercise slide belongs to: the topic the lesson's `src:`
 * import names (`topic:`), else the topic deck it is in, else the file it
 * is written in (the dev server knows it; a build leaves it out).
 */
export function exerciseTopic(frontmatterTopic: unknown, deckId: string | null, filepath: string | undefined, topics: readonly Topic[] = TOPICS): string | null {
  const known = (id: unknown): id is string => typeof id === 'string' && topics.some(t => t.id === id)
  if (known(frontmatterTopic))
    return frontmatterTopic
  if (known(deckId))
    return deckId
  const file = /([\w-]+)\.md$/.exec(filepath ?? '')?.[1]
  return known(file) ? file : null
}
