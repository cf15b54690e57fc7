/**
 * Predict, then reveal: the questions of `<Quiz>`, built from what the
 * check captured, so the right answer is never typed by hand.
 *
 * A question names a snippet and what to ask about it; the author states
 * the answer they believe (`answer`) and some wrong choices (`wrong`). The
 * right choice is always derived from the capture; the check fails the
 * question when the claim disagrees with it, or when a wrong choice turns
 * out to say the same as the right one. The browser builds the same model
 * from the same captures, so what the learner sees is what was checked.
 *
 * - `ask="compiles"`: "Does this compile?" `answer` is `runs`, or rustc's
 *   error codes (`E0382`, `E0499 E0502`). A wrong choice is `runs`, an error
 *   code (shown with the message of a checked snippet that has it), an
 *   authored error (`E0499: cannot borrow \`x\` …`) or a snippet id (that
 *   snippet's outcome).
 * - `ask="runs"`: "What does it print?" `answer` is `prints` (exits 0,
 *   output compared by the check) or `panics`. The right choice is the
 *   captured output (and panic message); a wrong choice is a snippet id
 *   (its captured outcome) or authored text.
 * - `ask="counts"`: "What are `strong_count` and `weak_count` now?" for the
 *   allocation `handle` points at, at the end of animation step `step` (or
 *   at the end of the recording). `answer` and wrong choices are `S W`.
 */
import type { RcStepView } from './rcSteps.ts'
import type { GeneratedData, RawTraceEvent, SnippetResult } from './snippet-data.ts'
import { panicMessage } from './panic.ts'
import { rcSteps } from './rcSteps.ts'
import { parseTrace } from './trace.ts'

/** The message of a panic, from the captured stderr (read by core/panic.ts). */
export { panicMessage }

export const QUIZ_ASKS = ['compiles', 'runs', 'counts'] as const
export type QuizAsk = typeof QUIZ_ASKS[number]

/** What a slide's `<Quiz …>` says. */
export interface QuizSpec {
  /** The snippet the question is about. */
  snippet: string
  ask: QuizAsk
  /** The author's claim, checked against the capture (see the kinds above). */
  answer: string
  /** Wrong choices: snippet ids or short authored text. */
  wrong: readonly string[]
  /** For `counts`: the handle whose allocation is asked about. */
  handle?: string
  /** For `counts`: 1-based animation step (`trace::step`); default the end of the recording. */
  step?: number
  /** Replaces the default question text. */
  question?: string
}

export interface QuizChoice {
  /** What the learner reads, one or more lines. */
  text: string
  correct: boolean
}

export interface QuizModel {
  question: string
  /** In a stable order that does not depend on which one is right. */
  choices: QuizChoice[]
  /** The command that produced it, e.g. `cargo run -q --bin clone-counts`. */
  command: string
}

export type QuizResult = { model: QuizModel, problems: [] } | { model: null, problems: string[] }

const SNIPPET_ID = /^[a-z0-9-]+\/[a-z0-9-]+$/
const CODE = /^E\d{4}$/

const QUESTIONS: Record<QuizAsk, string> = {
  compiles: 'Does this compile?',
  runs: 'What does it print when it runs?',
  counts: 'What are `strong_count` and `weak_count` now?',
}

export const RUNS_TEXT = 'It compiles and runs.'

/** The first error rustc gave: `error[E0382]: use of moved value: \`song\``. */
function errorLine(s: SnippetResult): string | null {
  const d = s.diagnostics.find(d => d.level === 'error' && d.code) ?? s.diagnostics.find(d => d.level === 'error')
  return d ? `error${d.code ? `[${d.code}]` : ''}: ${d.message}` : null
}

function errorCodes(s: SnippetResult): string[] {
  return [...new Set(s.diagnostics.filter(d => d.level === 'error' && d.code).map(d => d.code!))].sort()
}

function panicked(s: SnippetResult): boolean {
  return !!s.run && s.run.exitCode !== 0 && panicMessage(s.run.stderr) !== null
}

/** What a run shows a learner: its stdout, then the panic if it panicked. */
function runText(s: SnippetResult): string | string[] {
  if (!s.run)
    return [`${s.id} did not run (it expects ${s.expectation.kind})`]
  if (s.expectation.kind === 'runs' && s.expectation.varies)
    return [`${s.id}'s output varies from run to run, so it cannot be an answer`]
  const out = s.run.stdout.trimEnd()
  if (s.run.exitCode === 0)
    return out || '(prints nothing)'
  const message = panicMessage(s.run.stderr)
  if (message === null)
    return [`${s.id} exited with ${s.run.exitCode} without a panic message`]
  return `${out ? `${out}\n` : ''}panicked: ${message}`
}

function countsText(strong: number, weak: number): string {
  return `strong_count = ${strong}, weak_count = ${weak}`
}

/**
 * Counts of `handle`'s allocation at animation step `step` (1-based; default
 * the last), as `<RcGraph>` shows them: the recorded counts, less the handles
 * dropped since (a drop records no count of its own).
 */
export function countsAt(snippetId: string, trace: readonly RawTraceEvent[], handle: string, step?: number): { strong: number, weak: number } | string {
  let views: RcStepView[]
  try {
    views = rcSteps(snippetId, parseTrace(snippetId, trace))
  }
  catch (error) {
    return error instanceof Error ? error.message : String(error)
  }
  const alloc = trace.find(e => (e.ev === 'rc' || e.ev === 'arc' || e.ev === 'weak') && e.handle === handle)?.alloc
  if (typeof alloc !== 'string')
    return `the recording has no counts for handle \`${handle}\` (handles: ${[...new Set(views.flatMap(v => v.handles.map(h => h.name)))].join(', ') || 'none'})`
  const n = step ?? views.length
  if (!Number.isInteger(n) || n < 1 || n > views.length)
    return `step ${step} is not in the recording (its animation has ${views.length} steps)`
  const found = views[n - 1]!.allocs.find(a => a.id === alloc)
  if (!found || found.state === 'absent')
    return `\`${handle}\`'s value is not allocated yet at step ${n}`
  return { strong: found.strong, weak: found.weak }
}

function sameText(a: string, b: string): boolean {
  const norm = (t: string) => t.replace(/\s+/g, ' ').trim().toLowerCase()
  return norm(a) === norm(b)
}

/** A stable order from the snippet id and the texts, so the right choice is not always first. */
function stableOrder(seed: string, choices: QuizChoice[]): QuizChoice[] {
  const hash = (text: string) => {
    let h = 2166136261
    for (const c of text) h = Math.imul(h ^ c.codePointAt(0)!, 16777619)
    return h >>> 0
  }
  return [...choices].sort((a, b) => hash(seed + a.text) - hash(seed + b.text))
}

/** The right choice of a question (null when it cannot be worked out) and what disagrees with the author's claim. */
export interface QuizAnswer {
  right: string | null
  problems: string[]
}

/** How one `ask` kind reads its snippet: the right answer, and the text of a wrong choice (or its problems). */
export interface AskRule {
  answer: (spec: QuizSpec, s: SnippetResult) => QuizAnswer
  wrongChoice: (w: string, data: GeneratedData) => string | string[]
}

/** `compiles`: the claim is `runs` or rustc's codes; the right choice is `runs` or rustc's first error. */
export function compilesAnswer(spec: QuizSpec, s: SnippetResult): QuizAnswer {
  const problems: string[] = []
  const claim = spec.answer.trim()
  const codes = errorCodes(s)
  const compiled = s.expectation.kind !== 'compile-error'
  const right = compiled ? RUNS_TEXT : errorLine(s)
  if (!right)
    problems.push(`${s.id} did not compile, but rustc gave no error message`)
  const claimed = claim === 'runs' ? [] : claim.split(/\s+/).sort()
  if (claim !== 'runs' && !claimed.every(c => CODE.test(c)))
    problems.push(`answer="${claim}" must be \`runs\` or rustc error codes such as E0382`)
  else if (claimed.join(' ') !== codes.join(' '))
    problems.push(`answer="${claim}" disagrees with the check: ${codes.length ? `rustc rejects ${s.id} with ${codes.join(' ')}` : `${s.id} compiles and runs`}`)
  return { right, problems }
}

/** A wrong choice of `compiles`: `runs`, an authored error, an error code a checked snippet has, or a snippet's outcome. */
export function compilesWrongChoice(w: string, data: GeneratedData): string | string[] {
  if (w === 'runs')
    return RUNS_TEXT
  // An authored error, `E0499: cannot borrow \`scores\` …`, in the names of the code shown.
  const authored = /^(E\d{4}): (.+)$/.exec(w)
  if (authored)
    return `error[${authored[1]}]: ${authored[2]}`
  if (CODE.test(w)) {
    for (const other of Object.values(data.snippets)) {
      const d = other.diagnostics.find(d => d.level === 'error' && d.code === w)
      if (d)
        return `error[${w}]: ${d.message}`
    }
    return [`wrong choice ${w}: no checked snippet has rustc error ${w}, so its message cannot be shown`]
  }
  const other = data.snippets[w]
  if (!other)
    return [`wrong choice "${w}" is not \`runs\`, an error code or a snippet id`]
  return other.expectation.kind === 'compile-error' ? errorLine(other) ?? [`${w} has no error message`] : RUNS_TEXT
}

/** `runs`: the claim is `prints` or `panics`; the right choice is what the run showed. */
export function runsAnswer(spec: QuizSpec, s: SnippetResult): QuizAnswer {
  const text = runText(s)
  if (Array.isArray(text))
    return { right: null, problems: text }
  const claim = spec.answer.trim()
  const real = panicked(s) ? 'panics' : 'prints'
  if (claim !== 'prints' && claim !== 'panics')
    return { right: text, problems: [`answer="${claim}" must be \`prints\` or \`panics\``] }
  if (claim !== real)
    return { right: text, problems: [`answer="${claim}" disagrees with the check: ${s.id} ${real === 'panics' ? 'panics' : 'runs to the end without a panic'}`] }
  return { right: text, problems: [] }
}

/** A wrong choice of `runs`: a snippet id (what its run showed) or authored text. */
export function runsWrongChoice(w: string, data: GeneratedData): string | string[] {
  if (!SNIPPET_ID.test(w))
    return w
  const other = data.snippets[w]
  return other ? runText(other) : [`wrong choice "${w}" names no snippet`]
}

/** `counts`: the claim is "strong weak"; the right choice is the recording's counts of `handle` at `step`. */
export function countsAnswer(spec: QuizSpec, s: SnippetResult): QuizAnswer {
  if (!spec.handle)
    return { right: null, problems: ['ask="counts" needs handle="<name>" (a handle the recording names)'] }
  if (!s.trace)
    return { right: null, problems: [`${s.id} has no recording to count from`] }
  const counts = countsAt(s.id, s.trace, spec.handle, spec.step)
  if (typeof counts === 'string')
    return { right: null, problems: [counts] }
  const claim = spec.answer.trim()
  const right = countsText(counts.strong, counts.weak)
  if (!/^\d+ \d+$/.test(claim))
    return { right, problems: [`answer="${claim}" must be the two counts, strong then weak, e.g. "2 1"`] }
  if (claim !== `${counts.strong} ${counts.weak}`)
    return { right, problems: [`answer="${claim}" disagrees with the recording: \`${spec.handle}\`${spec.step ? ` at step ${spec.step}` : ' at the end'} has strong ${counts.strong}, weak ${counts.weak}`] }
  return { right, problems: [] }
}

/** A wrong choice of `counts`: two counts, `S W`. */
export function countsWrongChoice(w: string): string | string[] {
  const m = /^(\d+) (\d+)$/.exec(w.trim())
  return m ? countsText(Number(m[1]), Number(m[2])) : [`wrong choice "${w}" must be two counts, e.g. "1 0"`]
}

/** The rule of each `ask` kind. */
export const ASK_RULES: Record<QuizAsk, AskRule> = {
  compiles: { answer: compilesAnswer, wrongChoice: compilesWrongChoice },
  runs: { answer: runsAnswer, wrongChoice: runsWrongChoice },
  counts: { answer: countsAnswer, wrongChoice: countsWrongChoice },
}

/** The snippet a question is about, or why no question can be built on it. */
export function quizSubject(spec: QuizSpec, data: GeneratedData): SnippetResult | string[] {
  if (!QUIZ_ASKS.includes(spec.ask))
    return [`ask="${spec.ask}" is not one of ${QUIZ_ASKS.join(', ')}`]
  const s = data.snippets[spec.snippet]
  if (!s)
    return [`snippet="${spec.snippet}" has no captures (no such snippet, or the check has not run)`]
  if (s.status !== 'passed')
    return [`snippet="${spec.snippet}" failed the check; a question cannot be built on it`]
  return s
}

/** The choices: the right one (when known), then each wrong one that reads differently from all before it. */
export function quizChoices(right: string | null, wrong: readonly string[], text: (w: string) => string | string[]): { choices: QuizChoice[], problems: string[] } {
  const problems: string[] = []
  if (wrong.length < 1)
    problems.push('give at least one wrong choice (:wrong="[…]")')
  const choices: QuizChoice[] = right ? [{ text: right, correct: true }] : []
  for (const w of wrong) {
    const t = text(w)
    if (Array.isArray(t)) {
      problems.push(...t)
      continue
    }
    if (right && sameText(t, right))
      problems.push(`wrong choice "${w}" says the same as the real answer`)
    else if (choices.some(c => sameText(c.text, t)))
      problems.push(`wrong choice "${w}" renders the same text as another choice; give each choice an outcome of its own`)
    else choices.push({ text: t, correct: false })
  }
  return { choices, problems }
}

/** Builds one question; problems say in words what disagrees with the check. */
export function buildQuiz(spec: QuizSpec, data: GeneratedData): QuizResult {
  const s = quizSubject(spec, data)
  if (Array.isArray(s))
    return { model: null, problems: s }
  const rule = ASK_RULES[spec.ask]
  const { right, problems: answered } = rule.answer(spec, s)
  const { choices, problems: chosen } = quizChoices(right, spec.wrong, w => rule.wrongChoice(w, data))
  const problems = [...answered, ...chosen]
  if (problems.length)
    return { model: null, problems }
  return {
    model: { question: spec.question ?? QUESTIONS[spec.ask], choices: stableOrder(s.id, choices), command: s.command },
    problems: [],
  }
}

/** A question's key in the learner's browser: the same question in a topic deck and in the lesson shares it. */
export function quizId(spec: Pick<QuizSpec, 'snippet' | 'ask' | 'handle' | 'step'>): string {
  return [spec.snippet, spec.ask, spec.handle ?? '', spec.step ?? ''].join(':')
}

/** Where answers are kept (localStorage), one entry per question. */
export const QUIZ_STORAGE_PREFIX = 'lesson-quiz:'

/** One answer checked by the learner. */
export interface Attempt {
  /** The text of the choice picked. */
  picked: string
  correct: boolean
}

/**
 * What is kept of a question in the learner's browser: the answer on show
 * (`picked: null` after *Try again*, until the next check) and the first
 * attempt, which the progress counts. An entry kept before first attempts
 * were recorded has no `first`: its own answer is the first.
 */
export interface StoredAnswer {
  picked: string | null
  correct: boolean
  first?: Attempt
}

/** The first answer the learner checked, or null if none was. */
export function firstAttempt(stored: StoredAnswer | null): Attempt | null {
  if (!stored)
    return null
  if (stored.first)
    return stored.first
  return stored.picked === null ? null : { picked: stored.picked, correct: stored.correct }
}

/** The record after checking `attempt`: the answer on show is the new one, the first attempt stays. */
export function recordAttempt(stored: StoredAnswer | null, attempt: Attempt): StoredAnswer {
  return { ...attempt, first: firstAttempt(stored) ?? attempt }
}

/** The record after *Try again*: nothing on show, the first attempt kept for the progress. */
export function retryAttempt(stored: StoredAnswer | null): StoredAnswer | null {
  const first = firstAttempt(stored)
  return first ? { picked: null, correct: false, first } : null
}

/** The answer to show on the slide: the latest checked one, or null (none yet, or trying again). */
export function shownAnswer(stored: StoredAnswer | null): Attempt | null {
  return stored && stored.picked !== null ? { picked: stored.picked, correct: stored.correct } : null
}
