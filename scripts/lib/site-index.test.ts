import type { SiteModel } from './site-index.ts'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { TOPIC_IDS } from '../../core/topics.ts'
import { compileLessonModel } from './lesson-model.ts'
import { collectSite, inline, lessonSummary, linkedDecks, partsTable, renderIndex } from './site-index.ts'

const head = (title: string, extra = '') => `---\ntitle: "${title}"\n${extra}minutes: 1\n---\n\n# x\n`

let root: string
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'site-index-'))
  await mkdir(join(root, 'slides'))
  await mkdir(join(root, 'snippets', 'rc', 'src', 'bin'), { recursive: true })
})
afterEach(() => rm(root, { recursive: true, force: true }))

describe('collectSite', () => {
  it('lists all nine topics in lesson order, with links only for decks that exist', async () => {
    await writeFile(join(root, 'slides', 'rc.md'), head('2.2.4 `Rc<T>`: shared', 'budget: 12\nobjectives:\n  - Count owners\n'))
    await writeFile(join(root, 'slides', 'box.md'), head('2.2.3 `Box<T>`'))
    await writeFile(join(root, 'slides', 'lesson.md'), head('Lesson 2.2'))
    await writeFile(join(root, 'snippets', 'rc', 'src', 'bin', 'exercise.rs'), '')
    const model = await collectSite(root, { pdf: true }, await compileLessonModel(root))
    expect(model.topics.map(t => t.topic.id)).toEqual(TOPIC_IDS)
    expect(linkedDecks(model)).toEqual(['box', 'rc', 'lesson'])
    expect(model.topics.find(t => t.topic.id === 'rc')!.exercise).toEqual({ page: 'exercises/index.html#ex-rc', starter: 'exercises/rc/starter.rs' })
    expect(model.warnings).toContain('slides/box.md:1: no `budget:` in the headmatter: the index shows the budget as not declared')
    expect(model.warnings).toContain('slides/deref.md does not exist: topic 2.2.9 is listed without links')

    const html = renderIndex(model)
    expect(html).toContain('<h1>Lesson 2.2</h1>')
    expect(html).toContain('<code>Rc&lt;T&gt;</code>: shared')
    expect(html).toContain('href="./rc/index.html"')
    expect(html).toContain('href="./pdf/rc.pdf"')
    expect(html).toContain('href="./pdf/rc-clicks.pdf"')
    // Each card's table of contents links every slide of its deck.
    expect(html).toContain('<summary>Contents: 1 slide</summary><ol><li value="1"><a href="./rc/index.html#/1">2.2.4 <code>Rc&lt;T&gt;</code>: shared</a></li></ol>')
    expect(html).toContain('href="./pdf/lesson.pdf"')
    expect(html).toContain('href="./exercises/index.html#ex-rc"')
    expect(html).toContain('href="./exercises/rc/starter.rs"')
    expect(html).toContain('href="./exercises/index.html"')
    expect(html).toContain('<li>Count owners</li>')
    expect(html).toContain('budget not declared')
    expect(html).not.toContain('href="./deref/index.html"')
    // Lesson order on the page.
    const at = (id: string) => html.indexOf(`id="${id}"`)
    expect(TOPIC_IDS.map(at)).toEqual([...TOPIC_IDS.map(at)].sort((a, b) => a - b))
    // Nothing leaves the site: no absolute URL anywhere.
    expect(html).not.toMatch(/(?:href|src)="(?:https?:)?\/\//)
  })

  it('leaves PDF links out of a site published without PDFs', async () => {
    await writeFile(join(root, 'slides', 'rc.md'), head('Rc', 'budget: 12\n'))
    const html = renderIndex(await collectSite(root, { pdf: false }, await compileLessonModel(root)))
    expect(html).not.toContain('.pdf')
  })

  it('fails on a malformed budget, naming the file and line', async () => {
    await writeFile(join(root, 'slides', 'rc.md'), '---\ntitle: Rc\nbudget: 0\n---\n\n# Rc\n')
    await expect(collectSite(root, { pdf: true }, await compileLessonModel(root))).rejects.toThrow('slides/rc.md:3: `budget:`')
  })
})

describe('lessonSummary', () => {
  const model = (budgets: (number | null | 'missing')[]): SiteModel => ({
    lesson: null,
    pdf: false,
    warnings: [],
    topics: budgets.map((b, i) => ({
      topic: { id: `t${i}`, number: `2.2.${i + 1}`, title: `T${i}` },
      exercise: null,
      deck: b === 'missing'
        ? null
        : { id: `t${i}`, file: '', title: '', info: null, budget: b, objectives: [], slides: [], minutes: 0, sections: [], sources: [] },
    })),
  })
  it('gives the total when every topic has a budget', () => {
    expect(lessonSummary(model([10, 12, 15]))).toBe('3 topics, about 37\u00A0min in all.')
  })
  it('gives the lesson plan\'s minutes and budget, as the budget check counts them, when there is one', () => {
    expect(lessonSummary({ ...model([10, 12, 15]), plan: { minutes: 171, budget: 180 } })).toBe('3 topics: 171 of 180 minutes planned.')
  })
  it('says what is missing otherwise', () => {
    expect(lessonSummary(model([10, null, 'missing']))).toBe('10\u00A0min planned so far: 2 of 3 topic decks written, 1 with a time budget.')
  })
})

describe('inline', () => {
  it('escapes HTML and renders code spans', () => {
    expect(inline('`Arc<Mutex<T>>` & <b>')).toBe('<code>Arc&lt;Mutex&lt;T&gt;&gt;</code> &amp; &lt;b&gt;')
  })
})

describe('partsTable', () => {
  const base: SiteModel = { lesson: null, topics: [], pdf: false, warnings: [] }

  it('lists each part with its topics, minutes and the break after it', () => {
    const html = partsTable({ ...base, parts: [
      { name: 'Lifetimes', minutes: 89, breakMinutes: 15, topics: ['concrete-lifetimes'] },
      { name: 'Wrap-up', minutes: 30, breakMinutes: 0, topics: [] },
    ] })
    expect(html).toContain('<td>1. Lifetimes</td><td>2.2.1 Concrete Lifetimes</td><td>89\u00A0min</td><td>15\u00A0min break</td><td>–</td>')
    expect(html).toContain('<td>2. Wrap-up</td><td>applications, pitfalls, wrap-up</td><td>30\u00A0min</td><td>end</td>')
  })

  it('shows the day of each part over two days, the end of a day, and the slides off the class path', () => {
    const html = partsTable({ ...base, parts: [
      { name: 'Rc', minutes: 50, breakMinutes: 0, topics: ['rc'], day: 1, offPath: ['Objective', 'Replay: the counts of `clone-counts`'] },
      { name: 'RefCell', minutes: 49, breakMinutes: 10, topics: ['refcell'], day: 2, offPath: [] },
    ] })
    expect(html).toContain('2 days of at most 6 hours of teaching')
    expect(html).toContain('<td>1</td><td>1. Rc</td>')
    expect(html).toContain('<td>end of day</td><td>Objective; Replay: the counts of <code>clone-counts</code></td>')
    expect(html).toContain('<td>2</td><td>2. RefCell</td>')
    expect(html).toContain('<td>10\u00A0min break</td><td>–</td>')
  })

  it('shows nothing for a lesson without parts', () => {
    expect(partsTable(base)).toBe('')
    expect(partsTable({ ...base, parts: [] })).toBe('')
  })
})
