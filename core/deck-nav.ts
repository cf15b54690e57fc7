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
