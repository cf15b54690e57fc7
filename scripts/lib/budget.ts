/**
 * The time check: each topic deck declares `budget:` in its headmatter and
 * `minutes:` on every slide; its slides must fit its budget, and the whole
 * lesson (its own slides plus every included deck) must fit the lesson's
 * `budget:` (180 minutes unless `slides/lesson.md` says otherwise).
 *
 * Decks are read with Slidev's own loader, so `src:` imports, hidden slides
 * and frontmatter merging count exactly as they do on screen.
 */
import type { BudgetSlide } from '../../core/budget.ts'
import { existsSync } from 'node:fs'
import { join, relative } from 'node:path'
import { load } from '@slidev/parser/fs'
import { DEFAULT_LESSON_BUDGET, planDeck, readBudgetFields } from '../../core/budget.ts'
import { LESSON_ID, TOPIC_IDS } from '../../core/topics.ts'
import { judgePace } from './pace-check.ts'

/** A slide as loaded, with where its frontmatter lives. */
export interface LocatedSlide extends BudgetSlide {
  /** Path from the kit's root, e.g. `slides/rc.md`. */
  file: string
  /** 1-based line where the slide begins. */
  line: number
  /** 1-based line of each top-level frontmatter key, as written in `file`. */
  keyLines: Record<string, number>
  /** The speaker notes, as written (empty when there are none). */
  note: string
}

export async function loadDeck(root: string, deckPath: string): Promise<{ slides: LocatedSlide[], errors: string[] }> {
  const data = await load({ userRoot: join(root, 'slides'), roots: [root] } as Parameters<typeof load>[0], deckPath)
  const errors: string[] = []
  for (const [path, md] of Object.entries(data.markdownFiles)) {
    for (const e of md.errors ?? [])
      errors.push(`${relative(root, path)}:${e.row + 1}: ${e.message}`)
  }
  const slides = data.slides.map((slide) => {
    const source = slide.source
    const keyLines: Record<string, number> = {}
    source.raw.split('\n').forEach((text, i) => {
      const key = /^([\w-]+):/.exec(text)?.[1]
      if (key && !(key in keyLines))
        keyLines[key] = source.start + i + 1
    })
    return { frontmatter: slide.frontmatter, file: relative(root, source.filepath), line: source.start + 1, keyLines, note: source.note ?? '' }
  })
  return { slides, errors }
}

function at(slide: LocatedSlide, key: string): string {
  return `${slide.file}:${slide.keyLines[key] ?? slide.line}`
}

/** Problems with one deck's own budget fields and its total; `topic` decks must declare a budget. */
export function judgeDeck(slides: readonly LocatedSlide[], kind: 'topic' | 'lesson'): string[] {
  const problems: string[] = []
  if (!slides.length)
    return problems
  // Slides of an included topic deck are judged with that deck.
  const topicFiles = new Set(TOPIC_IDS.map(id => `slides/${id}.md`))
  const own = kind === 'topic' ? slides : slides.filter(s => !topicFiles.has(s.file))
  for (const slide of own) {
    const fields = readBudgetFields(slide.frontmatter)
    for (const [key, message] of Object.entries(fields.problems))
      problems.push(`${at(slide, key)}: ${message}`)
    if (!('minutes' in slide.frontmatter))
      problems.push(`${slide.file}:${slide.line}: this slide has no \`minutes:\` in its frontmatter; every slide declares the minutes it takes`)
  }
  const head = slides[0]!
  const plan = planDeck(slides)
  if (kind === 'topic') {
    if (!('budget' in head.frontmatter)) {
      problems.push(`${head.file}:1: a topic deck declares its time in its headmatter, e.g. \`budget: 12\` (minutes); ${head.file} has none`)
      return problems
    }
    if (plan.budget !== null && plan.minutes > plan.budget)
      problems.push(`${at(head, 'budget')}: the slides of ${head.file} take ${plan.minutes} minutes, over its budget of ${plan.budget}: ${describeSections(plan, slides)}`)
    return problems
  }
  const budget = 'budget' in head.frontmatter ? plan.budget : DEFAULT_LESSON_BUDGET
  if (budget !== null && plan.minutes > budget) {
    const ownMinutes = own.reduce((sum, s) => sum + (readBudgetFields(s.frontmatter).minutes ?? 0), 0)
    const parts = [`its own slides ${ownMinutes}`, ...plan.topics.map(t => `${t.topic} ${t.minutes}`)]
    const where = 'budget' in head.frontmatter ? at(head, 'budget') : `${head.file}:1`
    problems.push(`${where}: the lesson takes ${plan.minutes} minutes, over its total of ${budget}${'budget' in head.frontmatter ? '' : ' (the default; set `budget:` in its headmatter)'}: ${parts.join(', ')}`)
  }
  return problems
}

function describeSections(plan: ReturnType<typeof planDeck>, slides: readonly LocatedSlide[]): string {
  return plan.sections.map((s) => {
    const first = slides[s.first]!
    return `${s.name ?? 'opening'} ${s.minutes} (from line ${first.line})`
  }).join(', ')
}

/** Every topic deck and the lesson deck that exist under `slides/`. */
/** With `pace` (the default) the pace rules of `core/pace.ts` are judged too. */
export async function checkBudgets(root: string, options: { pace?: boolean } = {}): Promise<string[]> {
  const problems: string[] = []
  for (const id of [...TOPIC_IDS, LESSON_ID]) {
    const path = join(root, 'slides', `${id}.md`)
    if (!existsSync(path))
      continue
    const { slides, errors } = await loadDeck(root, path)
    problems.push(...errors)
    problems.push(...judgeDeck(slides, id === LESSON_ID ? 'lesson' : 'topic'))
    if (options.pace ?? true)
      problems.push(...judgePace(slides, id === LESSON_ID ? 'lesson' : 'topic'))
  }
  return problems
}
