import type { DeckSlide, DeckSource } from '../../core/deck-model.ts'
import type { QuizSpec } from '../../core/quiz.ts'
import type { GeneratedData } from '../../core/snippet-data.ts'
import type { DeckSet } from './decks.ts'
/**
 * The check's judgement of every `<Quiz>` in every deck: the question is
 * built from the captures exactly as the browser builds it, and any claim
 * that disagrees with them is a failure naming the deck file and line.
 */
import { basename } from 'node:path'
import { buildQuiz } from '../../core/quiz.ts'
import { importedSnippetId } from '../../core/unchecked.ts'

export interface QuizTag {
  /** 1-based line of `<Quiz` in the deck. */
  line: number
  /** Attributes as written; a bound one (`:wrong`) keeps its colon. */
  attrs: Record<string, string>
}

/**
 * The `<Quiz>` tags of one deck file, as the deck model read them (one
 * parser for every deck): literal attributes, and bound ones (`:wrong`)
 * under their colon, entities decoded as the browser decodes them.
 */
export function quizTags(source: DeckSource): QuizTag[] {
  return source.slides.flatMap(slide => slide.components)
    .filter(c => c.name === 'Quiz')
    .map(c => ({
      line: c.line,
      attrs: Object.fromEntries([
        ...Object.entries(c.props).map(([k, v]) => [k, v === true ? '' : decodeEntities(v)]),
        ...Object.entries(c.bound).map(([k, v]) => [`:${k}`, decodeEntities(v)]),
      ]),
    }))
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

/** Where a slide shows snippets: `<<<` imports of their files, `snippet="…"` on any component, live steps; first line of each. */
export function shownSnippets(slide: Pick<DeckSlide, 'imports' | 'refs'>): Map<string, number> {
  const shown = new Map<string, number>()
  const add = (id: string | null, line: number) => {
    if (id && (!shown.has(id) || line < shown.get(id)!))
      shown.set(id, line)
  }
  for (const imp of slide.imports)
    add(importedSnippetId(imp.path), imp.line)
  for (const ref of slide.refs)
    add(ref.id, ref.line)
  return shown
}

/**
 * A question asks for a prediction about a program its deck has not shown:
 * a `<Quiz snippet="X">` fails when an earlier slide of the same file shows
 * X. Each file is judged on its own slides, in order (hidden ones left out),
 * so in the lesson, which includes the topics, a topic's question is judged
 * within its topic, never against what another topic showed.
 */
export function quizzesShownEarlier(source: DeckSource): string[] {
  const problems: string[] = []
  const seen = new Map<string, number>()
  for (const slide of source.slides) {
    if (slide.hidden || slide.src !== null)
      continue
    for (const quiz of slide.components.filter(c => c.name === 'Quiz')) {
      const id = quiz.props.snippet
      const earlier = typeof id === 'string' ? seen.get(id) : undefined
      if (typeof id === 'string' && earlier !== undefined)
        problems.push(`${source.file}:${quiz.line}: the quiz asks about ${id}, which an earlier slide of this deck already shows (${source.file}:${earlier}); a question asks for a prediction: ask about a checked variant the deck has not shown (one line changed, another order, one more clone, another edition) instead`)
    }
    for (const [id, line] of shownSnippets(slide)) {
      if (!seen.has(id))
        seen.set(id, line)
    }
  }
  return problems
}

/** One line per question that does not hold, each starting with `slides/<deck>.md:<line>`. */
export function checkQuizzes(decks: DeckSet, data: GeneratedData): string[] {
  const problems: string[] = []
  for (const source of decks.files.values()) {
    problems.push(...quizzesShownEarlier(source))
    for (const tag of quizTags(source)) {
      const spec = specOf(tag)
      if (typeof spec === 'string') {
        problems.push(`${source.file}:${tag.line}: ${spec}`)
        continue
      }
      const { problems: found } = buildQuiz(spec, data)
      for (const p of found)
        problems.push(`${source.file}:${tag.line}: quiz on ${spec.snippet}: ${p}`)
    }
  }
  return problems
}

/** Each deck file's questions, by deck id (`rc`), in slide order. */
export function quizzesByDeck(decks: DeckSet): Record<string, QuizSpec[]> {
  const out: Record<string, QuizSpec[]> = {}
  for (const source of decks.files.values())
    out[basename(source.file, '.md')] = quizTags(source).map(specOf).flatMap(s => typeof s === 'string' ? [] : [s])
  return out
}
