/**
 * The lesson map's rows: each topic of the outline with the budget its deck
 * declares and the slide where it starts in the lesson, from the plan Slidev's
 * loaded frontmatter gives (`planDeck`), never from numbers typed on a slide.
 */
import type { Plan } from './budget.ts'
import type { Topic } from './topics.ts'
import { DEFAULT_LESSON_BUDGET } from './budget.ts'

export interface TopicMapRow {
  id: string
  number: string
  title: string
  /** The included deck's `budget:`, `null` when the lesson does not include it. */
  budget: number | null
  /** Minutes its slides add up to. */
  minutes: number
  /** 1-based slide number of its first slide in the lesson. */
  slide: number | null
  /** Its budget as a share of the largest topic budget, for the bar. */
  share: number
}

export interface TopicMap {
  rows: TopicMapRow[]
  topicMinutes: number
  /** The lesson's own slides: opening, applications, closing. */
  ownMinutes: number
  totalMinutes: number
  budget: number
}

export function topicMap(plan: Plan, topics: readonly Topic[]): TopicMap {
  const rows = topics.map((topic) => {
    const runs = plan.topics.filter(t => t.topic === topic.id)
    const first = runs[0]
    return {
      id: topic.id,
      number: topic.number,
      title: shortTitle(topic.title),
      budget: first ? first.budget : null,
      minutes: runs.reduce((sum, t) => sum + t.minutes, 0),
      slide: first ? first.first + 1 : null,
      share: 0,
    }
  })
  const largest = Math.max(1, ...rows.map(r => r.budget ?? 0))
  for (const row of rows)
    row.share = (row.budget ?? 0) / largest
  const topicMinutes = plan.topics.reduce((sum, t) => sum + t.minutes, 0)
  return {
    rows,
    topicMinutes,
    ownMinutes: plan.minutes - topicMinutes,
    totalMinutes: plan.minutes,
    budget: plan.budget ?? DEFAULT_LESSON_BUDGET,
  }
}

/** `Smart Pointers — Box<T>` → `Box<T>`, `Rc<T> Smart Pointer` → `Rc<T>`: what fits a map or a link. */
export function shortTitle(title: string): string {
  return title.replace(/^Smart Pointers — /, '').replace(/ Smart Pointer$/, '')
}

/** 1-based number of the slide whose frontmatter says `anchor: <name>`, or `null`. */
export function findAnchor(slides: readonly { frontmatter: Record<string, unknown> }[], name: string): number | null {
  const index = slides.findIndex(s => s.frontmatter.anchor === name)
  return index < 0 ? null : index + 1
}
