/**
 * The lesson model: everything the kit knows of the lesson, compiled once
 * by the check from one parse of every deck and written to
 * `generated/lesson-model.json`. The Vite plugins, publish, the site index,
 * watch mode and the tests read it instead of parsing markdown again.
 *
 * Pure: the check builds it (`scripts/lib/lesson-model.ts`); this module
 * holds its shape, its version and the one reader of its text.
 */
import type { Plan } from './budget.ts'
import type { Deck, DeckSource, ShownSlide } from './deck-model.ts'
import type { ScheduleRow } from './pace.ts'
import type { QuizModel, QuizSpec } from './quiz.ts'
import type { GeneratedData, SnippetResult } from './snippet-data.ts'
import type { Topic } from './topics.ts'
import { LessonError } from './errors.ts'

/** Raised whenever the shape below changes; a model of another version is refused, never half-read. */
export const LESSON_MODEL_VERSION = 4

/** Where the check writes it, from the kit's root. */
export const LESSON_MODEL_FILE = 'generated/lesson-model.json'

/** A problem the check found, at its place when it names one. */
export interface ModelProblem {
  /** Path from the kit's root, e.g. `slides/rc.md`; null for a problem of no one file. */
  file: string | null
  /** 1-based line, or null. */
  line: number | null
  message: string
}

/** One slide as a deck shows it, summed up for readers that need no markdown. */
export interface ModelSlide {
  /** The file it is written in and its first line there. */
  file: string
  line: number
  title: string | null
  /** `minutes:` of the slide, or null when it has none. */
  minutes: number | null
  /** `[click]` markers in its notes: the click steps the presenter talks through. */
  clicks: number
  /** Whether it has speaker notes. */
  notes: boolean
  /** Its learner's text: written, declared unneeded (`<Learn none />`), or missing. */
  learn: 'text' | 'none' | null
  /** Snippet ids its components and live steps name. */
  snippets: string[]
  /** Ids of the questions it asks. */
  quizzes: string[]
}

/** One deck: the deck model's own record, plus what readers ask of it most. */
export interface ModelDeck extends Deck {
  slides: ModelSlide[]
  /** Every snippet id its slides use: what its build's `virtual:snippets` carries. */
  snippets: string[]
  /** Ids of its own file's questions, in slide order (a lesson that includes decks lists none of theirs). */
  quizzes: string[]
  /** Its time plan (core/budget.ts): minutes per slide, section and topic. */
  plan: Plan
}

/**
 * One snippet's capture as the model sums it up. The captures themselves
 * (code, output, diagnostics, recordings) are the model's `snippets`: they
 * are what `virtual:snippets` ships, a deck's build taking only the ids its
 * `ModelDeck.snippets` lists, and what the dev server pushes to open slides
 * when the model changes.
 */
export interface ModelCapture {
  /** The snippet file, from the kit's root. */
  file: string
  /** Its promise, as the header states it (`compile-error E0499`, `runs`). */
  promise: string
  /** The check's verdict. */
  status: 'passed' | 'failed' | 'unjudged'
}

/** One question, worked out at check time from the captures. */
export interface ModelQuiz {
  spec: QuizSpec
  /** The question with its right answer; null when the captures contradict it (a problem of the check). */
  model: QuizModel | null
  file: string
  line: number
}

export interface LessonModel {
  version: typeof LESSON_MODEL_VERSION
  /** `rustc --version` of the check that compiled it. */
  rustc: string
  /** The topics as core/topics.ts declares them, in teaching order. */
  topics: Topic[]
  /** Every deck in `slides/`: topics in lesson order, then the lesson, then any other. */
  decks: ModelDeck[]
  /** Every parsed markdown file by path, included files too (core/deck-model.ts). */
  files: Record<string, DeckSource>
  /** Every snippet the check judged, by id: its file, promise and verdict. */
  captures: Record<string, ModelCapture>
  /**
   * Every snippet's captures by id, as the check judged them: code, output,
   * diagnostics, recordings. With `rustc` they are the `GeneratedData` that
   * `virtual:snippets` ships (`capturesOf`).
   */
  snippets: Record<string, SnippetResult>
  /** Every question by quiz id (core/quiz.ts `quizId`). */
  quizzes: Record<string, ModelQuiz>
  /** Question ids by deck file id (`rc`), in slide order. */
  quizzesByDeck: Record<string, string[]>
  /** The whole lesson's sittings (parts, breaks, days); empty without `slides/lesson.md`. */
  schedule: ScheduleRow[]
  /** Everything the check found wrong, snippets and decks alike. */
  problems: ModelProblem[]
}

/** The model's captures as the slides read them (`virtual:snippets`), only the ids in `keep` when given. */
export function capturesOf(model: Pick<LessonModel, 'rustc' | 'snippets'>, keep?: ReadonlySet<string> | null): GeneratedData {
  // A model cut down by hand (tests) may have no captures.
  const all = model.snippets ?? {}
  const snippets = keep ? Object.fromEntries(Object.entries(all).filter(([id]) => keep.has(id))) : all
  return { rustc: model.rustc ?? '', snippets }
}

/** A check's `file:line: message` as a problem; a line without a place keeps its whole text. */
export function problemAt(text: string): ModelProblem {
  const m = /^([^\s:]+):(\d+): ([\s\S]*)$/.exec(text)
  return m ? { file: m[1]!, line: Number(m[2]), message: m[3]! } : { file: null, line: null, message: text }
}

/**
 * A deck as the file stores it: its source and each shown slide's parse are
 * in `files` once, named by place, not copied into every deck that shows
 * them (the whole lesson shows every topic's slides).
 */
type StoredDeck = Omit<ModelDeck, 'source' | 'shown'> & { shown?: (Omit<ShownSlide, 'slide'> & { slideIndex: number })[] }

/** The model's text, as the check writes it. */
export function serializeLessonModel(model: LessonModel): string {
  const decks: StoredDeck[] = model.decks.map(({ source: _source, shown, ...deck }) => ({ ...deck, shown: shown.map(({ slide, ...s }) => ({ ...s, slideIndex: slide.index })) }))
  return `${JSON.stringify({ ...model, decks })}\n`
}

/** The model in `text` (read from `file`), refused unless it is this kit's version. */
export function parseLessonModel(text: string, file: string = LESSON_MODEL_FILE): LessonModel {
  let data: unknown
  try {
    data = JSON.parse(text)
  }
  catch (error) {
    throw new LessonError(`${file} is not JSON (${(error as Error).message}): run \`npm run check\` to write it again`)
  }
  const version = (data as { version?: unknown } | null)?.version
  if (version !== LESSON_MODEL_VERSION)
    throw new LessonError(`${file} is lesson model version ${JSON.stringify(version ?? null)}, and this kit reads version ${LESSON_MODEL_VERSION}: run \`npm run check\` to write it again`)
  const model = data as Omit<LessonModel, 'decks'> & { decks: StoredDeck[] }
  const files = model.files ?? {}
  for (const deck of model.decks ?? []) {
    const whole = deck as unknown as ModelDeck
    // A model cut down by hand (tests) may leave out what it does not need.
    const meta = deck.meta as ModelDeck['meta'] | undefined
    if (meta)
      whole.source = files[meta.file]!
    whole.shown = (deck.shown ?? []).map(({ slideIndex, ...s }) => ({ ...s, slide: files[s.file]!.slides[slideIndex]! }))
  }
  return model as unknown as LessonModel
}
