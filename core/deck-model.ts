/**
 * The deck model: what the kit knows of a deck, read once from Slidev's
 * parse of its markdown, and the one set of rules every reader applies.
 * The check (time budgets, snippet references, topics, replays), the site
 * index and publish all read decks through it.
 *
 * Pure: the node loader (`scripts/lib/deck-loader.ts`) parses each file
 * with `@slidev/parser` and hands the result to `deckSource`; everything
 * else here is plain data in, plain data out.
 */
import type { Plan } from './budget.ts'
import type { TypedMeasure, WitnessRef } from './claims.ts'
import { DEFAULT_LESSON_BUDGET, planDeck, readBudgetFields } from './budget.ts'
import { typedMeasures, witnessRefs } from './claims.ts'
import { firstUse, GLOSSARY, glossaryHref } from './glossary.ts'
import { parseStepRef } from './live-steps.ts'
import { LESSON_ID, TOPIC_IDS } from './topics.ts'

/** One slide as Slidev's parser returns it (the fields the model needs). */
export interface ParsedSlide {
  /** 0-based line of the slide's first line. */
  start: number
  /** 0-based line where its content begins (after its frontmatter). */
  contentStart: number
  /** 0-based line after its last line. */
  end: number
  frontmatter: Record<string, unknown>
  note?: string
  title?: string
  /** The frontmatter's YAML, as the parser read it: `---` lines or a ```` ```yaml ```` block. */
  frontmatterStyle?: 'frontmatter' | 'yaml'
  frontmatterRaw?: string
  /** The YAML document: its syntax errors (offsets into `frontmatterRaw`), and its top-level pairs. */
  frontmatterDoc?: { errors: readonly YamlError[], contents?: unknown }
}

/** A YAML syntax error as the `yaml` package reports it. */
export interface YamlError {
  message: string
  pos: readonly [number, number]
}

/** A `<<< path#region` import of a snippet file. */
export interface SnippetImport {
  /** 1-based line in the deck. */
  line: number
  /** The path as written, e.g. `@/../snippets/rc/src/bin/clone-counts.rs`. */
  path: string
  region: string | null
  /** Inside a fence of four or more backticks (Slidev's magic-move), not a block of its own. */
  inFence?: true
}

/** A `snippet="topic/name"` attribute, on any component, or one step of a live slide's `:steps`. */
export interface SnippetRef {
  line: number
  id: string
  /** The region a live slide's step shows (`:steps="['rc/x#counts']"`, or the slide's `region="…"`). */
  region?: string
}

/** A component tag on a slide, e.g. `<RcGraph snippet="rc/clone-counts" />`. */
export interface ComponentUse {
  /** 1-based line of the tag's `<`. */
  line: number
  name: string
  /** Attributes with a literal value (`snippet="rc/x"`, or `true` for a bare `at`). */
  props: Record<string, string | true>
  /** Bound attributes (`:trace="[…]"`), by name without the colon, as written. */
  bound: Record<string, string>
}

/**
 * A slide's learner's text: what a reader working alone needs, apart from
 * the speaker notes. Written in the slide as a block,
 *
 *     <Learn>
 *
 *     Markdown for the reader.
 *
 *     </Learn>
 *
 * or `<Learn none />` on a slide whose own text says it all.
 */
export type LearnerText
  = | { line: number, none: false, /** The markdown between the tags, trimmed. */ text: string }
    | { line: number, none: true, text: '' }

export interface DeckSlide {
  /** 0-based position in its file. */
  index: number
  /** 1-based line of the slide's first line. */
  line: number
  /** The frontmatter as written on this slide. */
  frontmatter: Record<string, unknown>
  /** 1-based line of each top-level frontmatter key. */
  keyLines: Record<string, number>
  /** The first heading, if any. */
  title: string | null
  /** Speaker notes, as written (empty when none). */
  note: string
  /** `hide:` or `disabled:`: Slidev leaves the slide out. */
  hidden: boolean
  /** `src:` of a slide that includes another file's slides. */
  src: string | null
  imports: SnippetImport[]
  refs: SnippetRef[]
  components: ComponentUse[]
  /** Measured quantities typed into its text or notes (outside code blocks), which the check refuses. */
  typed: TypedMeasure[]
  /** Sentences bound to a witness, `(witness: …)` or `<Witness>`, which the check runs. */
  witnesses: WitnessRef[]
  /** The slide's `<Learn>` block, or null when it has none. */
  learn: LearnerText | null
}

/** One markdown file, parsed once. */
export interface DeckSource {
  /** Path from the kit's root, e.g. `slides/rc.md`. */
  file: string
  slides: DeckSlide[]
  /** What the parser refused, each naming the file and line. */
  errors: string[]
}

/** A slide as the deck presents it: `src:` includes expanded, frontmatter merged as Slidev merges it. */
export interface ShownSlide {
  /** The file the slide is written in. */
  file: string
  line: number
  frontmatter: Record<string, unknown>
  keyLines: Record<string, number>
  note: string
  slide: DeckSlide
}

export interface SlideTime {
  /** 1-based line of the slide's first line in the deck. */
  line: number
  /** `minutes:` of the slide, or null when it has none (or an unusable one). */
  minutes: number | null
  /** `section:` of the slide, when it begins a section. */
  section: string | null
}

export interface Section {
  name: string
  /** Sum of the `minutes:` of its slides. */
  minutes: number
}

/** What the site index and publish read of a deck. */
export interface DeckMeta {
  id: string
  /** Path of the deck relative to the kit's root, e.g. `slides/rc.md`. */
  file: string
  /** `title:` of the headmatter (markdown: may hold backticks), or the first heading. */
  title: string
  /** `info:` of the headmatter. */
  info: string | null
  /** `budget:` of the headmatter in minutes, or null when the deck declares none. */
  budget: number | null
  /** `objectives:` of the headmatter: a list of one-line objectives. */
  objectives: string[]
  /** Slides of this file (slides a `src:` entry imports are not counted here). */
  slides: SlideTime[]
  /** Sum of the slides' `minutes:`. */
  minutes: number
  /** Sections in order; slides before the first `section:` belong to none. */
  sections: Section[]
  /** `src:` entries: decks whose slides this deck includes. */
  sources: string[]
}

export type DeckKind = 'topic' | 'lesson' | 'other'

/** One deck: an entry file in `slides/`, its own slides and what it shows. */
export interface Deck {
  /** `rc`, `lesson`: the file name without `.md`. */
  id: string
  kind: DeckKind
  source: DeckSource
  /** Every slide the deck presents, in order. */
  shown: ShownSlide[]
  meta: DeckMeta
  /** Values that cannot be read (a malformed `minutes:`, no title, …): `meta` is not to be trusted. */
  invalid: string[]
  /** Problems with this deck's fields, includes and time, each naming file and line (parser errors are its source's). */
  problems: string[]
}

// `<<< @/path/to/file.rs#region lang {1|2}` — the path ends at the first space or `#`.
const IMPORT = /^\s*<<<\s+([^\s#]+)(?:#([\w-]+))?/
// A component naming a snippet by id: `<RunOutput snippet="rc/clone-counts" />`.
const REF = /\bsnippet="([^"]*)"/g
const TAG = /<([A-Z][\w-]*)(?=[\s/>]|$)/g
// A live slide's steps: `<LiveSnippet :steps="['refcell/double-borrow', 'refcell/double-borrow-fixed#fixed']" region="alias" />`.
const STEPS = /:steps="\[([^\]]*)\]"/g
const REGION_ATTR = /\bregion="([\w-]+)"/
const ATTR = /([:@]?[\w-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'))?/y

/**
 * The model of one file from Slidev's parse. `lines` is the file's text
 * split at newlines, for line numbers and the scan of each slide's body.
 */
export function deckSource(file: string, parsed: { slides: readonly ParsedSlide[], errors?: readonly { row: number, message: string }[] }, lines: readonly string[]): DeckSource {
  const errors: string[] = []
  const slides = parsed.slides.map((s, index): DeckSlide => {
    const keyLines: Record<string, number> = {}
    for (let i = s.start; i < s.contentStart; i++) {
      const key = /^([\w-]+)\s*:/.exec(lines[i] ?? '')?.[1]
      if (key && !(key in keyLines))
        keyLines[key] = i + 1
    }
    const fm = s.frontmatter
    const scan = scanBody(lines, s.contentStart, s.end)
    const learn = readLearn(file, lines, scan.components, s.end, errors)
    return {
      index,
      line: s.start + 1,
      frontmatter: fm,
      keyLines,
      title: s.title ?? null,
      note: s.note ?? '',
      hidden: Boolean(fm.hide || fm.disabled),
      src: typeof fm.src === 'string' ? fm.src : null,
      ...scan,
      learn,
    }
  })
  const yamlErrors = parsed.slides.flatMap(s => frontmatterErrors(file, s, lines))
  return { file, slides, errors: [...(parsed.errors ?? []).map(e => `${file}:${e.row + 1}: ${e.message}`), ...yamlErrors, ...errors] }
}

/**
 * YAML syntax errors in a slide's frontmatter (Slidev keeps whatever part
 * it could read, and says nothing), each at its line in the deck. An
 * unclosed quote or bracket is reported by YAML where the text ends: it is
 * placed on the line of the key whose value it opens.
 */
export function frontmatterErrors(file: string, s: ParsedSlide, lines: readonly string[]): string[] {
  const doc = s.frontmatterDoc
  const raw = s.frontmatterRaw
  if (!doc?.errors.length || raw === undefined)
    return []
  // The deck's 1-based line of the YAML's first line: after `---`, or on the ```yaml fence itself.
  let first = s.start + 2
  if (s.frontmatterStyle === 'yaml') {
    const fence = lines.slice(s.start, s.end).findIndex(l => /^\s*```ya?ml/.test(l))
    first = s.start + Math.max(fence, 0) + 1
  }
  return doc.errors.map((e) => {
    let at = e.pos[0]
    const items = (doc.contents as { items?: unknown } | null | undefined)?.items
    for (const pair of Array.isArray(items) ? items : []) {
      const key = yamlRange(pair, 'key')
      const value = yamlRange(pair, 'value')
      if (key && value && value[0] < at && at <= value[1])
        at = key[0]
    }
    const line = first + (raw.slice(0, at).match(/\n/g)?.length ?? 0)
    const message = e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')
    return `${file}:${line}: the frontmatter is not valid YAML: ${message}`
  })
}

function yamlRange(pair: unknown, side: 'key' | 'value'): readonly [number, number] | null {
  const node = (pair as Record<string, unknown> | null)?.[side] as { range?: unknown } | null | undefined
  const range = node?.range
  return Array.isArray(range) && typeof range[0] === 'number' && typeof range[1] === 'number' ? [range[0], range[1]] : null
}

export const LEARN_TAG = 'Learn'

/**
 * The slide's `<Learn>` block from its component tags: the text up to
 * `</Learn>` (before the slide's end), or `none` for `<Learn none />`.
 * A second block, an unclosed one or an empty one is an error at its line.
 */
function readLearn(file: string, lines: readonly string[], components: readonly ComponentUse[], end: number, errors: string[]): LearnerText | null {
  const tags = components.filter(c => c.name === LEARN_TAG)
  const first = tags[0]
  if (!first)
    return null
  for (const extra of tags.slice(1))
    errors.push(`${file}:${extra.line}: a second <Learn> block on one slide (the first is at line ${first.line}); write the slide's learner's text in one block`)
  const opening = lines[first.line - 1] ?? ''
  const selfClosing = /<Learn\b[^>]*\/>/.test(opening)
  if (first.props.none !== undefined) {
    if (!selfClosing)
      errors.push(`${file}:${first.line}: \`<Learn none>\` takes no text: write \`<Learn none />\`, or drop \`none\` and give the text`)
    return { line: first.line, none: true, text: '' }
  }
  if (selfClosing) {
    errors.push(`${file}:${first.line}: an empty <Learn /> block: give the learner's text between <Learn> and </Learn>, or write <Learn none /> on a slide that needs none`)
    return null
  }
  const body: string[] = [opening.replace(/^.*?<Learn\b[^>]*>/, '')]
  for (let i = first.line; i < end; i++) {
    const text = lines[i] ?? ''
    const close = text.indexOf(`</${LEARN_TAG}>`)
    if (close >= 0) {
      body.push(text.slice(0, close))
      const markdown = body.join('\n').trim()
      if (!markdown) {
        errors.push(`${file}:${first.line}: an empty <Learn> block: give the learner's text, or write <Learn none /> on a slide that needs none`)
        return null
      }
      return { line: first.line, none: false, text: markdown }
    }
    body.push(text)
  }
  errors.push(`${file}:${first.line}: <Learn> is not closed by </Learn> before the slide ends`)
  return null
}

/**
 * Imports, snippet references and component tags in lines [from, to).
 * Inside a plain code block nothing counts; a fence of four or more
 * backticks (Slidev's magic-move) may hold `<<<` imports of its own.
 */
export function scanBody(lines: readonly string[], from = 0, to = lines.length): Pick<DeckSlide, 'imports' | 'refs' | 'components' | 'typed' | 'witnesses'> {
  const scan: Pick<DeckSlide, 'imports' | 'refs' | 'components' | 'typed' | 'witnesses'> = { imports: [], refs: [], components: [], typed: [], witnesses: [] }
  let fence: string | null = null
  for (let index = from; index < to; index++) {
    const text = lines[index] ?? ''
    const line = index + 1
    const marker = /^\s*(`{3,}|~{3,})([^`~]*)$/.exec(text)
    if (marker && fence === null) {
      fence = marker[1]!
      continue
    }
    if (marker && fence !== null && marker[1]![0] === fence[0] && marker[1]!.length >= fence.length && marker[2]!.trim() === '') {
      fence = null
      continue
    }
    if (fence === null || fence.length > 3) {
      const imp = IMPORT.exec(text)
      if (imp)
        scan.imports.push({ line, path: imp[1]!, region: imp[2] ?? null, ...(fence !== null ? { inFence: true as const } : {}) })
    }
    if (fence !== null)
      continue
    if (!IMPORT.test(text)) {
      scan.typed.push(...typedMeasures(text, line))
      scan.witnesses.push(...witnessRefs(text, line))
    }
    for (const ref of text.matchAll(REF))
      scan.refs.push({ line, id: ref[1]! })
    for (const steps of text.matchAll(STEPS)) {
      const region = REGION_ATTR.exec(text)?.[1]
      for (const step of steps[1]!.matchAll(/'([^']*)'/g)) {
        const { id, region: shown } = parseStepRef(step[1]!, region)
        scan.refs.push(shown ? { line, id, region: shown } : { line, id })
      }
    }
    for (const tag of text.matchAll(TAG)) {
      const use = readTag(lines, index, tag.index + tag[0].length, tag[1]!, to)
      scan.components.push(use)
      if (use.name === 'Witness' && typeof use.props.snippet === 'string')
        scan.witnesses.push(typeof use.props.test === 'string' ? { line: use.line, snippet: use.props.snippet, test: use.props.test } : { line: use.line, snippet: use.props.snippet })
    }
  }
  return scan
}

/** The attributes of a tag opened on `lines[index]`, which may run over several lines. */
function readTag(lines: readonly string[], index: number, at: number, name: string, to: number): ComponentUse {
  const use: ComponentUse = { line: index + 1, name, props: {}, bound: {} }
  let text = lines[index]!.slice(at)
  let i = index
  // Read on until the tag closes, at most to the slide's end.
  while (!/^[^"']*(?:(?:"[^"]*"|'[^']*')[^"']*)*>/.test(text) && i + 1 < to)
    text += `\n${lines[++i]}`
  let pos = 0
  while (pos < text.length) {
    while (pos < text.length && /\s/.test(text[pos]!)) pos++
    if (pos >= text.length || text[pos] === '>' || text[pos] === '/')
      break
    ATTR.lastIndex = pos
    const m = ATTR.exec(text)
    if (!m) {
      pos++
      continue
    }
    pos = ATTR.lastIndex
    const key = m[1]!
    const value = m[2] ?? m[3]
    if (key.startsWith(':'))
      use.bound[key.slice(1)] = value ?? ''
    else if (!key.startsWith('@'))
      use.props[key] = value ?? true
  }
  return use
}

/** `slides/lesson.md` + `./rc.md` → `slides/rc.md`; `/x.md` is taken from `slides/`, as Slidev's user root. */
export function resolveSrc(fromFile: string, src: string): string {
  const path = src.split('#')[0]!
  const base = path.startsWith('/') ? ['slides'] : fromFile.split('/').slice(0, -1)
  const parts = [...base]
  for (const part of path.replace(/^\//, '').split('/')) {
    if (part === '..')
      parts.pop()
    else if (part !== '.' && part !== '')
      parts.push(part)
  }
  return parts.join('/')
}

/** Slide numbers (1-based) a `src: ./x.md#2-4,6` range selects from `count` slides; all without a range. */
function rangeOf(src: string, count: number): number[] | string {
  const range = src.split('#')[1]
  const all = Array.from({ length: count }, (_, i) => i + 1)
  if (range === undefined || range === '' || range === 'all' || range === '*')
    return all
  const picked: number[] = []
  for (const part of range.split(',')) {
    const m = /^(\d+)?(?:(-)(\d+)?)?$/.exec(part.trim())
    if (!m)
      return `the range \`#${range}\` is not slide numbers such as \`#2-4,6\``
    const a = Number(m[1] ?? 1)
    const b = m[2] ? Number(m[3] ?? count) : a
    for (let n = a; n <= b; n++) picked.push(n)
  }
  return picked
}

/**
 * The slides a file presents, as Slidev's loader builds them: hidden and
 * disabled slides left out, each `src:` replaced by the included file's
 * slides, the including slide's frontmatter (less `src:`) laid over theirs.
 */
export function expandSlides(entry: DeckSource, files: ReadonlyMap<string, DeckSource>): { shown: ShownSlide[], problems: string[] } {
  const shown: ShownSlide[] = []
  const problems: string[] = []
  const visit = (source: DeckSource, numbers: readonly number[], override: Record<string, unknown>, chain: readonly string[]) => {
    for (const n of numbers) {
      const slide = source.slides[n - 1]
      if (!slide) {
        problems.push(`${chain.at(-1) ?? source.file}: slide ${n} does not exist in ${source.file}, which has ${source.slides.length} slides`)
        continue
      }
      if (slide.hidden)
        continue
      if (slide.src === null) {
        shown.push({ file: source.file, line: slide.line, frontmatter: { ...slide.frontmatter, ...override }, keyLines: slide.keyLines, note: slide.note, slide })
        continue
      }
      const where = `${source.file}:${slide.line}`
      const target = resolveSrc(source.file, slide.src)
      const included = files.get(target)
      if (target === source.file || chain.some(c => c.startsWith(`${target}:`))) {
        problems.push(`${where}: \`src: ${slide.src}\` includes ${target} inside itself (a circular import)`)
        continue
      }
      if (!included) {
        problems.push(`${where}: Imported markdown file not found: ${target} (\`src: ${slide.src}\`)`)
        continue
      }
      const numbersIn = rangeOf(slide.src, included.slides.length)
      if (typeof numbersIn === 'string') {
        problems.push(`${where}: ${numbersIn}`)
        continue
      }
      const { src: _src, ...fm } = slide.frontmatter
      visit(included, numbersIn, { ...fm, ...override }, [...chain, where])
    }
  }
  visit(entry, entry.slides.map((_, i) => i + 1), {}, [])
  return { shown, problems }
}

/** `topic` for ids in core/topics.ts, `lesson` for the whole lesson, `other` for any other deck. */
export function deckKind(id: string): DeckKind {
  return id === LESSON_ID ? 'lesson' : TOPIC_IDS.includes(id) ? 'topic' : 'other'
}

/** Deck ids in lesson order: topics as core/topics.ts lists them, the whole lesson, then any other deck by name. */
export function deckOrder(ids: readonly string[]): string[] {
  const rank = (id: string) => {
    const t = TOPIC_IDS.indexOf(id)
    return t >= 0 ? t : id === LESSON_ID ? TOPIC_IDS.length : TOPIC_IDS.length + 1
  }
  return [...ids].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
}

/**
 * Builds every deck of `ids` (each `slides/<id>.md` in `files`) and judges
 * it: field values, a title, minutes on every slide, a topic deck's budget,
 * the lesson's total. `files` holds every parsed file, included ones too.
 */
export function buildDecks(ids: readonly string[], files: ReadonlyMap<string, DeckSource>): Deck[] {
  const entryFiles = new Set(ids.map(id => `slides/${id}.md`))
  return deckOrder(ids).map((id) => {
    const source = files.get(`slides/${id}.md`)!
    const { shown, problems } = expandSlides(source, files)
    const kind = deckKind(id)
    // Slides of an included deck are judged with that deck.
    const own = shown.filter(s => s.file === source.file || !entryFiles.has(s.file))
    const invalid: string[] = []
    const meta = readMeta(id, source, invalid)
    judgeTime(kind, source, shown, own, meta, problems, invalid)
    if (kind === 'topic')
      judgeLearnerText(own, problems)
    judgeTitles(id, shown, problems)
    return { id, kind, source, shown, meta, invalid, problems: byPlace([...invalid, ...problems]) }
  })
}

/** Components that carry their own explanation for a reader: a question explains its answer. */
const EXPLAINED = new Set(['Quiz', 'QuizAnswers'])

/**
 * Whether a slide is content a reader needs explained: every slide but a
 * cover and the questions (they explain their own answers).
 */
export function needsLearnerText(slide: Pick<ShownSlide, 'frontmatter' | 'slide'>): boolean {
  return slide.frontmatter.layout !== 'cover' && !slide.slide.components.some(c => EXPLAINED.has(c.name))
}

/**
 * Every content slide of a topic deck has a learner's text, or says it
 * needs none; and the first use of each glossary term in the deck's
 * learner's texts links to the term's entry (core/glossary.ts).
 */
function judgeLearnerText(own: readonly ShownSlide[], problems: string[]): void {
  for (const s of own) {
    if (s.slide.learn === null && needsLearnerText(s))
      problems.push(`${s.file}:${s.line}: the slide "${s.slide.title ?? 'untitled'}" has no learner's text: add a <Learn> … </Learn> block saying what a reader working alone needs (the notes are for the presenter), or <Learn none /> when the slide says it all`)
  }
  for (const term of GLOSSARY) {
    for (const s of own) {
      const learn = s.slide.learn
      const use = learn && !learn.none ? firstUse(learn.text, term) : null
      if (!use || use.index < 0)
        continue
      if (!use.linked)
        problems.push(`${s.file}:${learn!.line}: the deck's first use of "${term.id}" in a learner's text is not linked to the glossary: write it as [${learn!.text.slice(use.index).match(term.pattern)![0]}](${glossaryHref(term.id)})`)
      break
    }
  }
}

/**
 * Titles unique within a deck, the whole lesson included: the Go-to search
 * (`g`), the overview and each deck's contents tell slides apart by title.
 * Question slides are left out: their title is the kind of question.
 */
function judgeTitles(id: string, shown: readonly ShownSlide[], problems: string[]): void {
  const first = new Map<string, ShownSlide>()
  for (const s of shown) {
    const title = s.slide.title?.trim()
    if (!title || s.slide.components.some(c => c.name === 'Quiz'))
      continue
    const earlier = first.get(title)
    if (!earlier) {
      first.set(title, s)
      continue
    }
    problems.push(`${s.file}:${s.line}: the title "${title}" is also the title of ${earlier.file}:${earlier.line} in deck \`${id}\`; give each slide a title of its own, so the Go-to search (g) and the contents can tell them apart`)
  }
}

/** Problems in file and line order (stable), as a reader walks the deck. */
export function byPlace(problems: readonly string[]): string[] {
  const place = (p: string) => /^([^:]*):(\d+):/.exec(p)
  return problems.map((p, i) => ({ p, i, m: place(p) })).sort((a, b) =>
    (a.m?.[1] ?? '').localeCompare(b.m?.[1] ?? '') || Number(a.m?.[2] ?? 0) - Number(b.m?.[2] ?? 0) || a.i - b.i,
  ).map(x => x.p)
}

const at = (file: string, slide: { line: number, keyLines: Record<string, number> }, key: string) => `${file}:${slide.keyLines[key] ?? slide.line}`

/** Title, info, budget, objectives and each own slide's minutes and section; bad values become problems. */
function readMeta(id: string, source: DeckSource, problems: string[]): DeckMeta {
  const file = source.file
  const head = source.slides[0]
  const meta: DeckMeta = { id, file, title: '', info: null, budget: null, objectives: [], slides: [], minutes: 0, sections: [], sources: [] }
  if (!head) {
    problems.push(`${file}:1: the deck has no slides`)
    return meta
  }
  const fm = head.frontmatter
  const title = fm.title ?? head.title
  if (typeof title !== 'string' || !title.trim())
    problems.push(`${file}:1: the deck has no \`title:\` in its headmatter and no heading on its first slide`)
  else meta.title = title.trim()
  meta.info = fm.info === undefined || fm.info === null ? null : String(fm.info)
  const headFields = readBudgetFields(fm)
  meta.budget = headFields.budget
  if (fm.objectives !== undefined) {
    const list = typeof fm.objectives === 'string' ? [fm.objectives] : fm.objectives
    if (!Array.isArray(list) || list.some(o => typeof o !== 'string' || !o.trim()))
      problems.push(`${at(file, head, 'objectives')}: \`objectives:\` must be a list of one-line objectives`)
    else meta.objectives = (list as string[]).map(o => o.trim())
  }
  for (const slide of source.slides) {
    if (slide.src !== null) {
      meta.sources.push(slide.src)
      continue
    }
    const f = readBudgetFields(slide.frontmatter)
    for (const [key, message] of Object.entries(f.problems))
      problems.push(`${at(file, slide, key)}: ${message}`)
    if (slide.hidden)
      continue
    meta.slides.push({ line: slide.line, minutes: f.minutes, section: f.section })
    if (f.section !== null)
      meta.sections.push({ name: f.section, minutes: 0 })
    const current = meta.sections.at(-1)
    if (current)
      current.minutes += f.minutes ?? 0
    meta.minutes += f.minutes ?? 0
  }
  return meta
}

/** Minutes on every slide; a topic deck's budget, and the lesson's total (its own slides plus every included deck). */
function judgeTime(kind: DeckKind, source: DeckSource, shown: readonly ShownSlide[], own: readonly ShownSlide[], meta: DeckMeta, problems: string[], invalid: string[]): void {
  for (const slide of own) {
    if (!('minutes' in slide.frontmatter)) {
      problems.push(`${slide.file}:${slide.line}: this slide has no \`minutes:\` in its frontmatter; every slide declares the minutes it takes`)
    }
    else if (slide.file !== source.file) {
      for (const [key, message] of Object.entries(readBudgetFields(slide.frontmatter).problems))
        invalid.push(`${at(slide.file, slide, key)}: ${message}`)
    }
  }
  const head = source.slides[0]
  if (!head || !shown.length)
    return
  const plan = planDeck(shown)
  const hasBudget = 'budget' in head.frontmatter
  if (kind !== 'lesson') {
    if (!hasBudget) {
      problems.push(`${source.file}:1: a topic deck declares its time in its headmatter, e.g. \`budget: 12\` (minutes); ${source.file} has none`)
      return
    }
    if (meta.budget !== null && plan.minutes > meta.budget)
      problems.push(`${at(source.file, head, 'budget')}: the slides of ${source.file} take ${plan.minutes} minutes, over its budget of ${meta.budget}: ${describeSections(plan, shown)}`)
    return
  }
  const budget = hasBudget ? meta.budget : DEFAULT_LESSON_BUDGET
  if (budget === null || plan.minutes <= budget)
    return
  const ownMinutes = own.reduce((sum, s) => sum + (readBudgetFields(s.frontmatter).minutes ?? 0), 0)
  const parts = [`its own slides ${ownMinutes}`, ...plan.topics.map(t => `${t.topic} ${t.minutes}`)]
  const where = hasBudget ? at(source.file, head, 'budget') : `${source.file}:1`
  problems.push(`${where}: the lesson takes ${plan.minutes} minutes, over its total of ${budget}${hasBudget ? '' : ' (the default; set `budget:` in its headmatter)'}: ${parts.join(', ')}`)
}

/** `opening 1 (from line 1), Counts 9 (from line 9)`: where a deck's minutes go. */
function describeSections(plan: Plan, shown: readonly ShownSlide[]): string {
  return plan.sections.map(s => `${s.name ?? 'opening'} ${s.minutes} (from line ${shown[s.first]!.line})`).join(', ')
}
