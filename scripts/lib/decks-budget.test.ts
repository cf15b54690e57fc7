import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { loadDeck } from '../../adapter/slidev/parser.ts'
import { findDeck, loadDecks } from './decks.ts'
import { KIT_ROOT } from './kit-copy.ts'
import { compileLessonModel } from './lesson-model.ts'
import { paceProblems } from './pace-check.ts'
import { collectSite } from './site-index.ts'

/** The learner's-text and title rules, which these one-line fixture slides do not keep; tested with the deck model (core/deck-model.test.ts) and the titles' check. */
const LEARNER_RULES = /has no learner's text|is also the title of/
/** The time check: every deck's problems, as `npm run check` reports them, but the learner's rules. */
const checkBudgets = async (root: string) => (await loadDecks(root)).problems.filter(p => !LEARNER_RULES.test(p))

let root: string

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'lesson-budget-'))
  await mkdir(join(root, 'slides'))
})
afterEach(() => rm(root, { recursive: true, force: true }))

function deck(head: string, ...slides: string[]): string {
  return [`---\n${head}\n---\n\n# Title\n`, ...slides.map(s => `---\n${s}\n---\n\n# Slide\n`)].join('\n')
}

const write = (name: string, text: string) => writeFile(join(root, 'slides', name), text)

describe('checkBudgets', () => {
  it('passes decks that fit their budgets', async () => {
    await write('rc.md', deck('title: rc\nbudget: 10\nminutes: 1', 'minutes: 4\nsection: Counts', 'minutes: 5'))
    await write('lesson.md', deck('title: lesson\nbudget: 30\nminutes: 2', 'src: ./rc.md\ntopic: rc'))
    expect(await checkBudgets(root)).toEqual([])
  })

  it('names the deck and its budget line when the slides run over', async () => {
    await write('rc.md', deck('title: rc\nbudget: 8\nminutes: 1', 'minutes: 4\nsection: Counts', 'minutes: 5'))
    const problems = await checkBudgets(root)
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatch(/^slides\/rc\.md:3: the slides of slides\/rc\.md take 10 minutes, over its budget of 8: opening 1 \(from line 1\), Counts 9 \(from line 9\)$/)
  })

  it('fails a topic deck without a budget', async () => {
    await write('box.md', deck('title: box\nminutes: 1'))
    expect(await checkBudgets(root)).toEqual([
      expect.stringMatching(/^slides\/box\.md:1: a topic deck declares its time in its headmatter/),
    ])
  })

  it('fails slides without minutes and unusable values, at their lines', async () => {
    await write('arc.md', deck('title: arc\nbudget: 10\nminutes: 1', 'layout: default', 'minutes: lots'))
    const problems = await checkBudgets(root)
    expect(problems).toEqual([
      'slides/arc.md:9: this slide has no `minutes:` in its frontmatter; every slide declares the minutes it takes',
      'slides/arc.md:16: `minutes:` must be a positive number of minutes, not "lots"',
    ])
  })

  it('refuses a slide of zero minutes at its line, as the site index does', async () => {
    await write('rc.md', deck('title: rc\nbudget: 10\nminutes: 1', 'minutes: 0'))
    expect(await checkBudgets(root)).toEqual(['slides/rc.md:10: `minutes:` must be a positive number of minutes, not 0'])
    await expect(collectSite(root, { pdf: false }, await compileLessonModel(root))).rejects.toThrow('slides/rc.md:10: `minutes:` must be a positive number of minutes, not 0')
  })

  it('holds the lesson, its own slides plus included decks, to 180 minutes by default', async () => {
    await write('rc.md', deck('title: rc\nbudget: 100\nminutes: 100'))
    await write('arc.md', deck('title: arc\nbudget: 100\nminutes: 90'))
    await write('lesson.md', deck('title: lesson\nminutes: 5', 'src: ./rc.md\ntopic: rc', 'src: ./arc.md\ntopic: arc'))
    expect(await checkBudgets(root)).toEqual([
      'slides/lesson.md:1: the lesson takes 195 minutes, over its total of 180 (the default; set `budget:` in its headmatter): its own slides 5, rc 100, arc 90',
    ])
  })

  it('takes the lesson total from its headmatter', async () => {
    await write('rc.md', deck('title: rc\nbudget: 10\nminutes: 10'))
    await write('lesson.md', deck('title: lesson\nbudget: 12\nminutes: 5', 'src: ./rc.md\ntopic: rc'))
    expect(await checkBudgets(root)).toEqual([
      expect.stringMatching(/^slides\/lesson\.md:3: the lesson takes 15 minutes, over its total of 12: its own slides 5, rc 10$/),
    ])
  })

  it('reports an import of a missing deck', async () => {
    await write('lesson.md', deck('title: lesson\nminutes: 5', 'src: ./nowhere.md'))
    expect((await checkBudgets(root))[0]).toMatch(/^slides\/lesson\.md:8: Imported markdown file not found/)
  })
})

describe('loadDecks', () => {
  it('merges the importing slide\'s frontmatter into every included slide', async () => {
    await write('rc.md', deck('title: rc\nbudget: 10\nminutes: 1', 'minutes: 2'))
    await write('lesson.md', deck('title: lesson\nminutes: 5', 'src: ./rc.md\ntopic: rc', 'minutes: 1\nhide: true'))
    const slides = findDeck(await loadDecks(root), 'lesson')!.shown
    // The hidden slide is not shown, so it takes no time.
    expect(slides.map(s => [s.file, s.line, s.frontmatter.topic ?? null, s.frontmatter.minutes])).toEqual([
      ['slides/lesson.md', 1, null, 5],
      ['slides/rc.md', 1, 'rc', 1],
      ['slides/rc.md', 9, 'rc', 2],
    ])
  })
})

describe('the deck model against Slidev\'s own loader', () => {
  it('shows the same slides, with the same merged frontmatter, for every deck of the kit', async () => {
    const set = await loadDecks(KIT_ROOT)
    expect(set.decks.map(d => d.id)).toContain('lesson')
    for (const d of set.decks) {
      const data = await loadDeck({ userRoot: join(KIT_ROOT, 'slides'), roots: [KIT_ROOT] }, join(KIT_ROOT, d.source.file))
      const theirs = data.slides.map(s => [relative(KIT_ROOT, s.source.filepath), s.source.start + 1, s.frontmatter, s.source.note ?? ''])
      expect(d.shown.map(s => [s.file, s.line, s.frontmatter, s.note]), d.id).toEqual(theirs)
    }
  })

  it('agrees on hidden slides, ranges and nested includes', async () => {
    await write('a.md', deck('title: a\nbudget: 9\nminutes: 1', 'minutes: 2\nhide: true', 'minutes: 3', 'minutes: 4'))
    await write('b.md', deck('title: b\nbudget: 9\nminutes: 1', 'src: ./a.md#1,3-4\nsection: From a'))
    await write('lesson.md', deck('title: lesson\nminutes: 5', 'src: /b.md\ntopic: b', 'src: ./a.md#2-3\ndisabled: false'))
    const set = await loadDecks(root)
    for (const d of set.decks) {
      const data = await loadDeck({ userRoot: join(root, 'slides'), roots: [root] }, join(root, d.source.file))
      expect(d.shown.map(s => [s.file, s.line, s.frontmatter]), d.id).toEqual(data.slides.map(s => [relative(root, s.source.filepath), s.source.start + 1, s.frontmatter]))
    }
  })
})

describe('the pace rules', () => {
  const withPace = async (root: string) => {
    const set = await loadDecks(root)
    return [...set.problems, ...paceProblems(set)].filter(p => !LEARNER_RULES.test(p))
  }

  it('names the file and line of a short exercise and of a part over one sitting', async () => {
    await write('rc.md', deck('title: rc\nbudget: 100\nminutes: 1', 'minutes: 5\nexercise: true'))
    await write('lesson.md', deck('title: lesson\nbudget: 200\nminutes: 95\npart: All', 'src: ./rc.md\ntopic: rc'))
    expect(await withPace(root)).toEqual([
      'slides/rc.md:11: the exercise block takes 5 minutes; a class needs at least 10',
      'slides/lesson.md:5: the lesson: part 1 "All" takes 101 minutes, over one sitting of 90',
    ])
  })

  it('names the minutes line of a slide whose clicks and questions need more time, in a topic and in the lesson', async () => {
    const note = (text: string) => `\n<!--\n${text}\n-->\n`
    await write('rc.md', `${deck('title: rc\nbudget: 20\nminutes: 1', 'minutes: 1')}${note('One.\n[click] Two.\nAsk: "why?"')}\n${deck('minutes: 10\nexercise: true')}`)
    await write('lesson.md', `---\ntitle: lesson\nbudget: 30\nminutes: 0.5\npart: All\n---\n\n# Open\n${note('Ask: "ready?"')}\n---\nsrc: ./rc.md\ntopic: rc\n---\n`)
    const problems = await withPace(root)
    expect(problems).toEqual([
      expect.stringMatching(/^slides\/rc\.md:\d+: the slide takes 1 minutes; 0\.5 plus 1 click step and 1 question .* need at least 2\.3/),
      expect.stringMatching(/^slides\/lesson\.md:\d+: the slide takes 0\.5 minutes; .* need at least 2/),
    ])
  })

  it('names a day over 6 hours and days that do not match `days:`', async () => {
    await write('rc.md', deck('title: rc\nbudget: 400\nminutes: 1', 'minutes: 10\nexercise: true'))
    await write('lesson.md', deck('title: lesson\nbudget: 500\ndays: 2\nminutes: 80\npart: A', 'minutes: 5\nbreak: true', 'minutes: 80\npart: B', 'minutes: 5\nbreak: true', 'minutes: 80\npart: C', 'minutes: 5\nbreak: true', 'minutes: 80\npart: D', 'minutes: 5\nbreak: true', 'minutes: 50\npart: E', 'src: ./rc.md\ntopic: rc'))
    const problems = await withPace(root)
    expect(problems).toEqual([
      expect.stringMatching(/^slides\/lesson\.md:\d+: the lesson: day 1 teaches 381 minutes, more than 360/),
      expect.stringMatching(/^slides\/lesson\.md:\d+: the lesson: the lesson declares 2 days \(`days:`\) but its slides make 1/),
    ])
  })

  it('passes decks that keep the pace', async () => {
    await write('rc.md', deck('title: rc\nbudget: 20\nminutes: 1', 'minutes: 2', 'minutes: 10\nexercise: true'))
    await write('lesson.md', deck('title: lesson\nbudget: 30\nminutes: 2\npart: All', 'src: ./rc.md\ntopic: rc'))
    expect(await withPace(root)).toEqual([])
  })
})
