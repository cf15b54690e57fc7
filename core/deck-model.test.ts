import type { DeckSource } from './deck-model.ts'
import { describe, expect, it } from 'vitest'
import { buildDecks, byPlace, deckOrder, deckSource, expandSlides, resolveSrc } from './deck-model.ts'

/** A file of slides, each given as its frontmatter, three lines apiece (`---`, `---`, a heading). */
function file(path: string, ...slides: Record<string, unknown>[]): DeckSource {
  const lines = slides.flatMap(fm => ['---', ...Object.entries(fm).map(([k, v]) => `${k}: ${String(v)}`), '---', '# x'])
  let at = 0
  const parsed = slides.map((fm) => {
    const start = at
    at += Object.keys(fm).length + 3
    return { start, contentStart: at - 1, end: at, frontmatter: fm, title: 'x' }
  })
  return deckSource(path, { slides: parsed }, lines)
}

describe('resolveSrc', () => {
  it('resolves like Slidev: relative to the including file, `/` from slides/, ranges dropped', () => {
    expect(resolveSrc('slides/lesson.md', './rc.md')).toBe('slides/rc.md')
    expect(resolveSrc('slides/pages/a.md', '../rc.md#2-3')).toBe('slides/rc.md')
    expect(resolveSrc('slides/pages/a.md', '/rc.md')).toBe('slides/rc.md')
  })
})

describe('expandSlides', () => {
  it('names a circular include and a range that is not slide numbers, at the including line', () => {
    const a = file('slides/a.md', { title: 'a' }, { src: './b.md' })
    const b = file('slides/b.md', { minutes: 1 }, { src: './a.md' }, { src: './c.md#two' }, { src: './c.md#2' })
    const c = file('slides/c.md', { minutes: 1 })
    const files = new Map([[a.file, a], [b.file, b], [c.file, c]])
    const { shown, problems } = expandSlides(a, files)
    expect(shown.map(s => `${s.file}:${s.line}`)).toEqual(['slides/a.md:1', 'slides/b.md:1'])
    expect(problems).toEqual([
      'slides/b.md:5: `src: ./a.md` includes slides/a.md inside itself (a circular import)',
      'slides/b.md:9: the range `#two` is not slide numbers such as `#2-4,6`',
      'slides/b.md:13: slide 2 does not exist in slides/c.md, which has 1 slides',
    ])
  })
})

describe('buildDecks', () => {
  it('refuses zero minutes and a missing title where they are written, and orders topics before the lesson', () => {
    const lesson = file('slides/lesson.md', { title: 'Lesson', minutes: 1 })
    const rc = file('slides/rc.md', { budget: 2, minutes: 0 })
    const decks = buildDecks(['lesson', 'rc'], new Map([[lesson.file, lesson], [rc.file, { ...rc, slides: rc.slides.map(s => ({ ...s, title: null })) }]]))
    expect(decks.map(d => d.id)).toEqual(['rc', 'lesson'])
    expect(decks[0]!.invalid).toEqual([
      'slides/rc.md:1: the deck has no `title:` in its headmatter and no heading on its first slide',
      'slides/rc.md:3: `minutes:` must be a positive number of minutes, not 0',
    ])
    expect(decks[1]!.problems).toEqual([])
  })
})

describe('deckOrder and byPlace', () => {
  it('puts topics in lesson order, then the lesson, then other decks; problems by file and line', () => {
    expect(deckOrder(['zzz', 'lesson', 'rc', 'box'])).toEqual(['box', 'rc', 'lesson', 'zzz'])
    expect(byPlace(['b.md:2: x', 'a.md:10: y', 'a.md:9: z'])).toEqual(['a.md:9: z', 'a.md:10: y', 'b.md:2: x'])
  })
})

describe('the learner\'s text', () => {
  /** A file from slides given as lines of content, each with frontmatter `minutes: 1` and a heading. */
  function deck(path: string, ...bodies: { fm?: Record<string, unknown>, body: string[] }[]): DeckSource {
    const lines: string[] = []
    const parsed = bodies.map(({ fm = { minutes: 1 }, body }) => {
      const start = lines.length
      lines.push('---', ...Object.entries(fm).map(([k, v]) => `${k}: ${String(v)}`), '---')
      const contentStart = lines.length
      lines.push(...body)
      return { start, contentStart, end: lines.length, frontmatter: fm, title: body[0]?.replace(/^# /, '') }
    })
    return deckSource(path, { slides: parsed }, lines)
  }

  it('reads the block between <Learn> and </Learn>, and <Learn none />', () => {
    const d = deck('slides/rc.md', { body: ['# A', '', '<Learn>', '', 'Read **this**.', '', '</Learn>', '', '<!-- notes -->'] }, { body: ['# B', '<Learn none />'] })
    expect(d.errors).toEqual([])
    expect(d.slides[0]!.learn).toEqual({ line: 6, none: false, text: 'Read **this**.' })
    expect(d.slides[1]!.learn).toEqual({ line: 17, none: true, text: '' })
  })

  it('names an unclosed, an empty and a second block at their lines', () => {
    const d = deck('slides/rc.md', { body: ['# A', '<Learn>', 'text'] }, { body: ['# B', '<Learn>', '', '</Learn>'] }, { body: ['# C', '<Learn>', 'one', '</Learn>', '<Learn>', 'two', '</Learn>'] })
    expect(d.errors).toEqual([
      'slides/rc.md:5: <Learn> is not closed by </Learn> before the slide ends',
      `slides/rc.md:11: an empty <Learn> block: give the learner's text, or write <Learn none /> on a slide that needs none`,
      'slides/rc.md:21: a second <Learn> block on one slide (the first is at line 18); write the slide\'s learner\'s text in one block',
    ])
  })

  it('fails a content slide of a topic deck without one; a cover and a question need none', () => {
    const rc = deck('slides/rc.md', { fm: { title: 'rc', budget: 10, minutes: 1, layout: 'cover' }, body: ['# Rc'] }, { body: ['# Counts', 'text'] }, { body: ['# Predict', '<Quiz snippet="rc/x" />'] }, { body: ['# Told', '<Learn>', 'why', '</Learn>'] })
    const [built] = buildDecks(['rc'], new Map([[rc.file, rc]]))
    expect(built!.problems.filter(p => p.includes('learner'))).toEqual([
      `slides/rc.md:8: the slide "Counts" has no learner's text: add a <Learn> … </Learn> block saying what a reader working alone needs (the notes are for the presenter), or <Learn none /> when the slide says it all`,
    ])
  })
})

describe('titles', () => {
  it('are unique within a deck, included decks counted; question slides are left out', () => {
    const lines = ['---', 'title: a', 'budget: 5', 'minutes: 1', '---', '# Recap', '---', 'minutes: 1', '---', '# Recap', '---', 'minutes: 1', '---', '# Predict', '<Quiz snippet="rc/x" />', '---', 'minutes: 1', '---', '# Predict', '<Quiz snippet="rc/y" />']
    const at = (start: number, contentStart: number, end: number, frontmatter: Record<string, unknown>, title: string) => ({ start, contentStart, end, frontmatter, title })
    const source = deckSource('slides/rc.md', { slides: [at(0, 5, 6, { title: 'a', budget: 5, minutes: 1 }, 'Recap'), at(6, 9, 10, { minutes: 1 }, 'Recap'), at(10, 13, 15, { minutes: 1 }, 'Predict'), at(15, 18, 20, { minutes: 1 }, 'Predict')] }, lines)
    const [deck] = buildDecks(['rc'], new Map([[source.file, source]]))
    expect(deck!.problems.filter(p => p.includes('title'))).toEqual([
      'slides/rc.md:7: the title "Recap" is also the title of slides/rc.md:1 in deck `rc`; give each slide a title of its own, so the Go-to search (g) and the contents can tell them apart',
    ])
  })
})
