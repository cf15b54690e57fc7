import { describe, expect, it } from 'vitest'
import { buildDecks } from '../../core/deck-model.ts'
import { parseDeckFile } from './decks.ts'

/** The model of one deck written as `slides/<id>.md`. */
function readDeck(id: string, file: string, markdown: string) {
  return buildDecks([id], new Map([[file, parseDeckFile(file, markdown)]]))[0]!
}
/** Its title, budget, objectives, minutes and sections, or its first unreadable value as an error. */
function readDeckMeta(id: string, file: string, markdown: string) {
  const deck = readDeck(id, file, markdown)
  if (deck.invalid.length)
    throw new Error(deck.invalid[0])
  return deck.meta
}

const deck = `---
title: "2.2.4 \`Rc<T>\`: shared ownership"
info: Topic 2.2.4.
budget: 12
objectives:
  - Share one value between owners with \`Rc::clone\`
  - Break a cycle with \`Weak\`
layout: cover
minutes: 1
---

# Cover

<!-- note -->

---
minutes: 4
section: Counting owners
---

# One

---
minutes: 2.5
---

# Two

---
section: Cycles
minutes: 3
---

# Three
`

describe('readDeckMeta', () => {
  it('reads the title, budget, objectives, minutes and sections', () => {
    const meta = readDeckMeta('rc', 'slides/rc.md', deck)
    expect(meta.title).toBe('2.2.4 `Rc<T>`: shared ownership')
    expect(meta.budget).toBe(12)
    expect(meta.objectives).toEqual(['Share one value between owners with `Rc::clone`', 'Break a cycle with `Weak`'])
    expect(meta.slides.map(s => s.minutes)).toEqual([1, 4, 2.5, 3])
    expect(meta.minutes).toBe(10.5)
    expect(meta.sections).toEqual([{ name: 'Counting owners', minutes: 6.5 }, { name: 'Cycles', minutes: 3 }])
  })

  it('leaves a missing budget and missing objectives as unknown, not zero', () => {
    const meta = readDeckMeta('rc', 'slides/rc.md', '---\ntitle: Rc\n---\n\n# Rc\n')
    expect(meta.budget).toBeNull()
    expect(meta.objectives).toEqual([])
    expect(meta.slides[0]!.minutes).toBeNull()
  })

  it('names the file and line of a malformed budget', () => {
    expect(() => readDeckMeta('rc', 'slides/rc.md', '---\ntitle: Rc\ninfo: x\nbudget: ten\n---\n\n# Rc\n'))
      .toThrow('slides/rc.md:4: `budget:` must be a positive number of minutes, not "ten"')
  })

  it('names the line of a malformed minutes on a later slide', () => {
    const md = '---\ntitle: Rc\nbudget: 10\n---\n\n# Rc\n\n---\nsection: A\nminutes: -2\n---\n\n# A\n'
    expect(() => readDeckMeta('rc', 'slides/rc.md', md)).toThrow('slides/rc.md:10: `minutes:` must be a positive number')
  })

  it('rejects objectives that are not a list of lines', () => {
    expect(() => readDeckMeta('rc', 'slides/rc.md', '---\ntitle: Rc\nobjectives:\n  a: 1\n---\n\n# Rc\n'))
      .toThrow('slides/rc.md:3: `objectives:` must be a list')
  })

  it('counts only its own slides and lists the decks it includes', () => {
    const md = '---\ntitle: Lesson\nminutes: 2\n---\n\n# Lesson\n\n---\nsrc: ./rc.md\n---\n\n---\nminutes: 3\n---\n\n# End\n'
    const meta = readDeckMeta('lesson', 'slides/lesson.md', md)
    expect(meta.sources).toEqual(['./rc.md'])
    expect(meta.minutes).toBe(5)
  })

  it('refuses a deck without a title or heading', () => {
    expect(() => readDeckMeta('rc', 'slides/rc.md', '---\nbudget: 3\nminutes: 1\n---\n\nNo heading.\n'))
      .toThrow('slides/rc.md:1: the deck has no `title:`')
  })
})
