import type { QuizSpec } from '../../core/quiz.ts'
import type { GeneratedData } from '../../core/snippet-data.ts'
/**
 * The check's judgement of every `<Quiz>` in every deck: the question is
 * built from the captures exactly as the browser builds it, and any claim
 * that disagrees with them is a failure naming the deck file and line.
 */
import { readFile } from 'node:fs/promises'
import { basename, relative } from 'node:path'
import { buildQuiz, quizId } from '../../core/quiz.ts'
import { listDecks } from './deck-check.ts'

export interface QuizTag {
  /** 1-based line of `<Quiz` in the deck. */
  line: number
  /** Attributes as written; a bound one (`:wrong`) keeps its colon. */
  attrs: Record<string, string>
}

/** Every `<Quiz …>` opening tag outside code fences, attributes unparsed. */
export function findQuizTags(markdown: string): QuizTag[] {
  const tags: QuizTag[] = []
  const lines = markdown.split('\n')
  let fence: string | null = null
  for (let i = 0; i < lines.length; i++) {
    const marker = /^\s*(`{3,}|~{3,})/.exec(lines[i]!)
    if (marker) {
      if (fence === null)
        fence = marker[1]!
      else if (marker[1]![0] === fence[0] && marker[1]!.length >= fence.length)
        fence = null
      continue
    }
    if (fence !== null)
      continue
    const start = lines[i]!.indexOf('<Quiz')
    if (start < 0 || /\w/.test(lines[i]![start + 5] ?? ''))
      continue
    // The tag may span lines; it ends at the first `>` outside quotes.
    let text = lines[i]!.slice(start + 5)
    let j = i
    let quote: string | null = null
    let end = -1
    for (;;) {
      for (let k = 0; k < text.length && end < 0; k++) {
        const c = text[k]!
        if (quote) {
          if (c === quote)
            quote = null
        }
        else if (c === '"' || c === '\'') {
          quote = c
        }
        else if (c === '>') {
          end = k
        }
      }
      if (end >= 0 || j + 1 >= lines.length)
        break
      text += `\n${lines[++j]}`
    }
    const body = end >= 0 ? text.slice(0, end).replace(/\/$/, '') : text
    const attrs: Record<string, string> = {}
    for (const m of body.matchAll(/(:?[\w-]+)="([^"]*)"/g))
      attrs[m[1]!] = decodeEntities(m[2]!)
    tags.push({ line: i + 1, attrs })
  }
  return tags
}

/** An attribute value as the browser reads it: `&quot;` is how a double quote goes in. */
export function decodeEntities(value: string): string {
  const named: Record<string, string> = { quot: '"', amp: '&', lt: '<', gt: '>', apos: '\'' }
  return value.replace(/&(#\d+|[a-z]+);/g, (all, name: string) => name.startsWith('#') ? String.fromCodePoint(Number(name.slice(1))) : named[name] ?? all)
}

/** A JS array of single-quoted strings, as `:wrong="['a', 'b']"` holds. */
export function parseStringList(source: string): string[] | null {
  const trimmed = source.trim()
  if (!trimmed.startsWith('[') || !trimmed.endsWith(']'))
    return null
  const items = [...trimmed.slice(1, -1).matchAll(/\s*'((?:[^'\\]|\\.)*)'\s*(,|$)/g)]
  const rebuilt = items.map(m => m[0]).join('')
  if (rebuilt.trim() !== trimmed.slice(1, -1).trim())
    return null
  // The escapes a JS string literal in a template may use here.
  return items.map(m => m[1]!.replace(/\\(.)/g, (_, c: string) => c === 'n' ? '\n' : c === 't' ? '\t' : c))
}

/** The spec a tag describes, or what is wrong with how it is written. */
export function specOf(tag: QuizTag): QuizSpec | string {
  const a = tag.attrs
  for (const name of ['snippet', 'ask', 'answer']) {
    if (a[name] === undefined)
      return `<Quiz> needs ${name}="…"`
  }
  const wrong = a[':wrong'] === undefined ? [] : parseStringList(a[':wrong'])
  if (wrong === null)
    return `:wrong="${a[':wrong']}" must be a list of single-quoted strings, e.g. :wrong="['runs', 'E0499']"`
  if (a.wrong !== undefined)
    return 'write the wrong choices as a list: :wrong="[\'…\']"'
  const step = a[':step'] ?? a.step
  if (step !== undefined && !/^\d+$/.test(step))
    return `step="${step}" must be a step number`
  return {
    snippet: a.snippet!,
    ask: a.ask as QuizSpec['ask'],
    answer: a.answer!,
    wrong,
    handle: a.handle,
    step: step === undefined ? undefined : Number(step),
    question: a.question,
  }
}

/** One line per question that does not hold, each starting with `slides/<deck>.md:<line>`. */
export async function checkQuizzes(root: string, data: GeneratedData): Promise<string[]> {
  const problems: string[] = []
  for (const deck of await listDecks(root)) {
    const file = relative(root, deck)
    for (const tag of findQuizTags(await readFile(deck, 'utf8'))) {
      const spec = specOf(tag)
      if (typeof spec === 'string') {
        problems.push(`${file}:${tag.line}: ${spec}`)
        continue
      }
      const { problems: found } = buildQuiz(spec, data)
      for (const p of found)
        problems.push(`${file}:${tag.line}: quiz on ${spec.snippet}: ${p}`)
    }
  }
  return problems
}

/** Ids of the questions in each deck, by deck id (`rc`), in slide order: for the index's progress. */
export async function quizIdsByDeck(root: string): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {}
  for (const deck of await listDecks(root)) {
    const id = basename(deck, '.md')
    out[id] = findQuizTags(await readFile(deck, 'utf8')).map(specOf).flatMap(s => typeof s === 'string' ? [] : [quizId(s)])
  }
  return out
}
