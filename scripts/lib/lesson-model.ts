import type { LessonModel, ModelDeck, ModelQuiz } from '../../core/lesson-model.ts'
import type { GeneratedData } from '../../core/snippet-data.ts'
import type { DeckSet } from './decks.ts'
/**
 * The lesson model (core/lesson-model.ts) on disk: built by the check from
 * its one `loadDecks` and its captures, written to
 * `generated/lesson-model.json`, and read by every other part of the kit.
 * It holds the captures too (`snippets`): there is no other generated file
 * for the kit to read. Reading fails, naming the file and saying to run the
 * check, when the model is missing or of another version.
 */
import { existsSync, readFileSync } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { planDeck } from '../../core/budget.ts'
import { LessonError } from '../../core/errors.ts'
import { LESSON_MODEL_FILE, LESSON_MODEL_VERSION, parseLessonModel, problemAt, serializeLessonModel } from '../../core/lesson-model.ts'
import { clickMarkers, planSchedule } from '../../core/pace.ts'
import { buildQuiz, quizId } from '../../core/quiz.ts'
import { describeExpectation } from '../../core/snippet-source.ts'
import { LESSON_ID, TOPICS } from '../../core/topics.ts'
import { loadDecks } from './decks.ts'
import { quizTags, specOf } from './quiz-check.ts'

/** The model of `decks` with the captures in `data`; `problems` are the check's own lines. */
export function buildLessonModel(decks: DeckSet, data: GeneratedData, problems: readonly string[]): LessonModel {
  const quizzes: Record<string, ModelQuiz> = {}
  const quizzesByDeck: Record<string, string[]> = {}
  const quizzesAt = new Map<string, string[]>()
  const extra: string[] = []
  for (const source of decks.files.values()) {
    const ids: string[] = []
    for (const tag of quizTags(source)) {
      const spec = specOf(tag)
      if (typeof spec === 'string')
        continue // The check reports it at its line.
      const id = quizId(spec)
      const seen = quizzes[id]
      if (seen && JSON.stringify(seen.spec) !== JSON.stringify(spec))
        extra.push(`${source.file}:${tag.line}: two different questions ask \`${spec.ask}\` about ${spec.snippet}${spec.handle ? ` (handle ${spec.handle})` : ''} (the other: ${seen.file}:${seen.line}); a learner's answer is kept per question: ask each about a snippet of its own`)
      else if (!seen)
        quizzes[id] = { spec, model: buildQuiz(spec, data).model, file: source.file, line: tag.line }
      ids.push(id)
      const at = `${source.file}:${tag.line}`
      quizzesAt.set(at, [...quizzesAt.get(at) ?? [], id])
    }
    quizzesByDeck[basename(source.file, '.md')] = ids
  }
  const modelDecks: ModelDeck[] = decks.decks.map((deck) => {
    const slides = deck.shown.map((s) => {
      const asked = s.slide.components.filter(c => c.name === 'Quiz').flatMap(c => quizzesAt.get(`${s.file}:${c.line}`) ?? [])
      return {
        file: s.file,
        line: s.line,
        title: s.slide.title,
        minutes: typeof s.frontmatter.minutes === 'number' ? s.frontmatter.minutes : null,
        clicks: clickMarkers(s.note),
        notes: s.note.trim() !== '',
        learn: s.slide.learn === null ? null : s.slide.learn.none ? 'none' as const : 'text' as const,
        snippets: [...new Set(s.slide.refs.map(r => r.id))],
        quizzes: asked,
      }
    })
    return {
      ...deck,
      slides,
      snippets: [...new Set(slides.flatMap(s => s.snippets))],
      quizzes: quizzesByDeck[deck.id] ?? [],
      plan: planDeck(deck.shown),
    }
  })
  const lesson = modelDecks.find(d => d.id === LESSON_ID)
  return {
    version: LESSON_MODEL_VERSION,
    rustc: data.rustc,
    topics: TOPICS.map(t => ({ ...t })),
    decks: modelDecks,
    files: Object.fromEntries(decks.files),
    captures: Object.fromEntries(Object.values(data.snippets).map(s => [s.id, { file: s.file, promise: describeExpectation(s.expectation), status: s.status }])),
    snippets: data.snippets,
    quizzes,
    quizzesByDeck,
    schedule: lesson ? planSchedule(lesson.shown.map(s => ({ frontmatter: s.frontmatter, title: s.slide.title }))) : [],
    problems: [...problems, ...extra].map(problemAt),
  }
}

/** The model's problems that the check adds to its own (questions that clash). */
export function modelOwnProblems(model: LessonModel, checkProblems: readonly string[]): string[] {
  const known = new Set(checkProblems)
  return model.problems.map(p => p.file ? `${p.file}:${p.line}: ${p.message}` : p.message).filter(p => !known.has(p))
}

export function lessonModelPath(root: string): string {
  return join(root, LESSON_MODEL_FILE)
}

/** The model the last check wrote; a missing file or another version is an error saying to run the check. */
export function readLessonModel(root: string): LessonModel {
  const file = lessonModelPath(root)
  if (!existsSync(file))
    throw new LessonError(`${file} does not exist: run \`npm run check\` first; it compiles the lesson model every other part reads`)
  return parseLessonModel(readFileSync(file, 'utf8'), file)
}

/** The model's decks in the shape of `loadDecks`, for readers written against it. */
export function deckSetOf(model: LessonModel): DeckSet {
  return { decks: model.decks, files: new Map(Object.entries(model.files)), problems: [] }
}

/** A deck of the model, or undefined. */
export function modelDeck(model: LessonModel, id: string): ModelDeck | undefined {
  return model.decks.find(d => d.id === id)
}

/**
 * The model of the decks under `root` with the captures in `data` (none by
 * default), without running the check: for tests on decks made for them.
 * Written to `generated/` when `write` is set, as the check writes it.
 */
export async function compileLessonModel(root: string, options: { data?: GeneratedData, write?: boolean } = {}): Promise<LessonModel> {
  const decks = await loadDecks(root)
  const model = buildLessonModel(decks, options.data ?? { rustc: '', snippets: {} }, decks.problems)
  if (options.write) {
    await mkdir(dirname(lessonModelPath(root)), { recursive: true })
    await writeFile(lessonModelPath(root), serializeLessonModel(model))
  }
  return model
}
