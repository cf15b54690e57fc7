import type { DeckMeta } from '../../core/deck-model.ts'
import type { LessonModel } from '../../core/lesson-model.ts'
import type { Topic } from '../../core/topics.ts'
/**
 * The published site's front page, `dist/index.html`: the lesson's title,
 * its topics in lesson order with objectives and time budgets taken
 * from each deck, and links to every deck, exercise and PDF. One static
 * page with relative links and no request beyond the site; its one small
 * script only shows quiz progress kept in the browser and keeps decks offline.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { DEFAULT_LESSON_BUDGET } from '../../core/budget.ts'
import { LessonError } from '../../core/errors.ts'
import { PACE, partTopics } from '../../core/pace.ts'
import { QUIZ_STORAGE_PREFIX } from '../../core/quiz.ts'
import { LESSON_ID, TOPICS } from '../../core/topics.ts'
import { readLessonModel } from './lesson-model.ts'
import { siteFontCss } from './site-fonts.ts'

export interface TopicEntry {
  topic: Topic
  /** The deck, or null when `slides/<id>.md` is not written yet. */
  deck: DeckMeta | null
  /** Site paths of the exercise's section on the exercises page and of its starter, when it has one. */
  exercise: { page: string, starter: string } | null
  /** The deck's slides as its table of contents: slide number (1-based) and title. */
  contents?: { no: number, title: string }[]
}

export interface SiteModel {
  /** The whole-lesson deck, or null when `slides/lesson.md` is missing. */
  lesson: DeckMeta | null
  topics: TopicEntry[]
  /** Whether `pdf/<id>.pdf` files are published beside the decks. */
  pdf: boolean
  /** Gaps the index shows as such (a deck not written, a budget not declared). */
  warnings: string[]
  /** The lesson's parts (one sitting each), from its slides' `part:` and `break:`; none when it declares none. */
  parts?: IndexPart[]
  /**
   * The whole lesson's planned minutes and its budget, as the budget check
   * and the lesson's map count them (every slide's `minutes:`); null without
   * `slides/lesson.md`.
   */
  plan?: { minutes: number, budget: number } | null
}

/** One part of the lesson as the index lists it. */
export interface IndexPart {
  name: string
  /** Minutes of its slides, breaks left out. */
  minutes: number
  /** Minutes of the break after it (0 for none). */
  breakMinutes: number
  /** Ids of the topics it teaches, in order. */
  topics: string[]
  /** The day it is taught on (1 when the lesson declares one day). */
  day?: number
  /** Titles (markdown) of its slides off the class path: optional or homework. */
  offPath?: string[]
}

export const EXERCISE_STARTER = 'src/bin/exercise.rs'

/**
 * Every deck that exists, from the lesson model the check wrote (or the one
 * given). A malformed value in a deck is an error naming its file and line.
 */
export async function collectSite(root: string, options: { pdf: boolean }, model: LessonModel = readLessonModel(root)): Promise<SiteModel> {
  const invalid = model.decks.flatMap(d => d.invalid)
  if (invalid.length)
    throw new LessonError(invalid.join('\n'))
  const deckOf = (id: string) => model.decks.find(d => d.id === id)
  const read = (id: string): DeckMeta | null => deckOf(id)?.meta ?? null
  const warnings: string[] = []
  const topics: TopicEntry[] = []
  for (const topic of model.topics) {
    const deck = read(topic.id)
    if (!deck)
      warnings.push(`slides/${topic.id}.md does not exist: topic ${topic.number} is listed without links`)
    if (deck?.budget === null)
      warnings.push(`slides/${topic.id}.md:1: no \`budget:\` in the headmatter: the index shows the budget as not declared`)
    if (deck?.objectives.length === 0)
      warnings.push(`slides/${topic.id}.md:1: no \`objectives:\` list in the headmatter: the index lists none for this topic`)
    const crate = join(root, 'snippets', topic.id)
    // The exercises page and starters are written by `writeExercises` (scripts/lib/exercises.ts).
    const exercise = deck && existsSync(join(crate, EXERCISE_STARTER))
      ? { page: `exercises/index.html#ex-${topic.id}`, starter: `exercises/${topic.id}/starter.rs` }
      : null
    const slides = deck ? deckOf(topic.id)!.slides : []
    const contents = slides.flatMap((s, i) => s.title ? [{ no: i + 1, title: s.title }] : [])
    topics.push({ topic, deck, exercise, contents })
  }
  const lesson = read(LESSON_ID)
  if (!lesson)
    warnings.push(`slides/${LESSON_ID}.md does not exist: the index has no whole-lesson deck`)
  const lessonDeck = lesson ? deckOf(LESSON_ID) : undefined
  const plan = lessonDeck ? lessonDeck.plan : null
  const parts: IndexPart[] = lessonDeck && plan
    ? model.schedule.map(({ part: p, day, offPath }) => ({ name: p.name, minutes: p.minutes, breakMinutes: p.breakMinutes, topics: partTopics(p, plan.topics), day, offPath: offPath.map(o => o.title) }))
    : []
  return { lesson, topics, pdf: options.pdf, warnings, parts, plan: plan && { minutes: plan.minutes, budget: plan.budget ?? DEFAULT_LESSON_BUDGET } }
}

/** Deck ids the index links to, in lesson order: what the site must contain. */
export function linkedDecks(model: SiteModel): string[] {
  return [...model.topics.flatMap(t => t.deck ? [t.topic.id] : []), ...model.lesson ? [LESSON_ID] : []]
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\'': '&#39;' })[c]!)
}

/** Escapes text and turns `code` spans into <code>, as titles like "`Rc<T>`" need. */
export function inline(text: string): string {
  return text.split(/(`[^`]+`)/).map(part =>
    part.length > 2 && part.startsWith('`') && part.endsWith('`') ? `<code>${escape(part.slice(1, -1))}</code>` : escape(part),
  ).join('')
}

export function formatMinutes(minutes: number): string {
  // A no-break space: "5 min" never wraps between number and unit.
  return `${Number.isInteger(minutes) ? minutes : minutes.toFixed(1)}\u00A0min`
}

function budgetText(deck: DeckMeta): string {
  return deck.budget === null ? 'budget not declared' : `${formatMinutes(deck.budget)} budgeted`
}

/** What the publish step adds to the index: quiz progress and the offline copy. */
export interface IndexExtras {
  /** Question ids per deck id, for the progress line each topic shows. */
  quizzes?: Record<string, string[]>
  /** The whole-site download (hosted index), or `inside` for the index inside that download. */
  download?: { href: string, bytes: number } | 'inside'
}

function quizLine(ids: readonly string[] | undefined): string {
  if (!ids?.length)
    return ''
  // Filled in by PROGRESS_SCRIPT from the answers kept in this browser.
  return `<p class="quiz-progress" data-quizzes="${escape(ids.join(' '))}">${ids.length} questions to predict</p>`
}

function offlineSection(download: IndexExtras['download']): string {
  if (download === 'inside') {
    return `<section class="offline" aria-labelledby="offline-h"><h2 id="offline-h">Offline copy</h2>
<p>This is the downloaded copy of the site: every deck opens from this folder with a double-click on its <code>index.html</code>, with no network. Your quiz answers are kept in this browser.</p></section>`
  }
  if (!download)
    return ''
  return `<section class="offline" aria-labelledby="offline-h"><h2 id="offline-h">Take it offline</h2>
<p id="offline-all" class="offline-mark" hidden>✓ Everything is available offline in this browser.</p>
<p><a href="./${escape(download.href)}" download>Download the whole site</a> (zip, ${(download.bytes / 1024 / 1024).toFixed(1)}&nbsp;MB): unzip it and double-click <code>lesson-2.2/index.html</code>, or any deck's <code>index.html</code>. Every deck works with no network.</p>
<p>Or keep it in this browser: a deck you opened once opens again offline, and this keeps every page and file of the site (decks, exercises, starters, PDFs, glossary, search). <button type="button" id="keep-all">Keep everything offline</button> <span id="keep-status" role="status"></span></p></section>`
}

// Progress from the answers kept by <Quiz> (core/quiz.ts: QUIZ_STORAGE_PREFIX), and the offline button.
const PROGRESS_SCRIPT = `<script>
(function () {
  var read = function (id) { try { return JSON.parse(localStorage.getItem('${QUIZ_STORAGE_PREFIX}' + id) || 'null') } catch (e) { return null } }
  document.querySelectorAll('.quiz-progress').forEach(function (p) {
    var ids = p.dataset.quizzes.split(' ')
    var answered = 0, right = 0
    // The first attempt counts (core/quiz.ts firstAttempt): \`Try again\` does not change the score.
    ids.forEach(function (id) { var a = read(id); var f = a && (a.first || (a.picked != null ? a : null)); if (f) { answered++; if (f.correct) right++ } })
    p.textContent = answered ? 'Quiz: ' + answered + ' of ' + ids.length + ' answered, ' + right + ' right' : ids.length + ' questions to predict'
    if (answered === ids.length) p.classList.add('done')
  })
  if (!('serviceWorker' in navigator) || !/^https?:$/.test(location.protocol)) {
    var keep = document.getElementById('keep-all')
    if (keep) keep.parentNode.hidden = true
    return
  }
  navigator.serviceWorker.register('./sw.js', { scope: './' })
  var ask = function (message, then) {
    navigator.serviceWorker.ready.then(function (reg) {
      var channel = new MessageChannel()
      channel.port1.onmessage = function (e) { then(e.data) }
      reg.active.postMessage(message, [channel.port2])
    })
  }
  // "Available offline" on each deck this browser keeps whole.
  var mark = function () {
    ask({ kept: true }, function (k) {
      document.querySelectorAll('[data-offline-deck]').forEach(function (m) { m.hidden = k.decks.indexOf(m.dataset.offlineDeck) < 0 })
      var all = document.getElementById('offline-all')
      if (all) all.hidden = !k.everything
    })
  }
  mark()
  var button = document.getElementById('keep-all')
  if (!button) return
  button.addEventListener('click', function () {
    var status = document.getElementById('keep-status')
    status.textContent = 'Keeping…'
    ask({ keep: '*' }, function (answer) {
      status.textContent = answer === 'ready' ? 'Everything is kept offline in this browser.' : 'Not kept: ' + answer
      mark()
    })
  })
})()
</script>`

function topicCard(entry: TopicEntry, pdf: boolean, quizzes?: readonly string[]): string {
  const { topic, deck, exercise } = entry
  const heading = `<span class="num">${escape(topic.number)}</span> ${deck ? inline(stripNumber(deck.title, topic.number)) : escape(topic.title)}`
  if (!deck) {
    return `<li class="topic missing" id="${topic.id}">
  <h3>${heading}</h3>
  <p class="note">This topic's deck is not written yet.</p>
</li>`
  }
  const objectives = deck.objectives.length
    ? `<ul class="objectives">${deck.objectives.map(o => `<li>${inline(o)}</li>`).join('')}</ul>`
    : ''
  const contents = entry.contents?.length
    ? `<details class="contents"><summary>Contents: ${entry.contents.length} slide${entry.contents.length === 1 ? '' : 's'}</summary><ol>${entry.contents.map(c => `<li value="${c.no}"><a href="./${topic.id}/index.html#/${c.no}">${inline(c.title)}</a></li>`).join('')}</ol></details>`
    : ''
  const sections = deck.sections.length
    ? `<ol class="sections">${deck.sections.map(s => `<li>${inline(s.name)} <span class="min">${formatMinutes(s.minutes)}</span></li>`).join('')}</ol>`
    : ''
  const links = [
    `<a href="./${topic.id}/index.html">Slides</a>`,
    pdf ? `<a href="./pdf/${topic.id}.pdf" title="One page per slide, with its explanation">Handout (PDF)</a>` : '',
    pdf ? `<a href="./pdf/${topic.id}-clicks.pdf" title="Every click step on a page of its own">PDF, every click</a>` : '',
    exercise ? `<a href="./${exercise.page}">Exercise</a>` : '',
    exercise ? `<a href="./${exercise.starter}" download>Starter</a>` : '',
  ].filter(Boolean).join('')
  return `<li class="topic" id="${topic.id}">
  <h3>${heading}</h3>
  <p class="budget${deck.budget === null ? ' unknown' : ''}">${budgetText(deck)}</p>
  ${objectives}
  ${sections}
  ${contents}
  ${quizLine(quizzes)}
  <p class="offline-mark" data-offline-deck="${topic.id}" hidden>✓ Available offline in this browser</p>
  <p class="links">${links}</p>
</li>`
}

/** "2.2.4 `Rc<T>`: shared ownership" → "`Rc<T>`: shared ownership": the number is shown apart. */
function stripNumber(title: string, number: string): string {
  return title.startsWith(`${number} `) ? title.slice(number.length + 1) : title
}

/** One line on the lesson's length, honest about decks or budgets still missing. */
export function lessonSummary(model: SiteModel): string {
  const written = model.topics.filter(t => t.deck)
  const budgeted = written.filter(t => t.deck!.budget !== null)
  const minutes = budgeted.reduce((sum, t) => sum + t.deck!.budget!, 0) + (model.lesson?.minutes ?? 0)
  const n = model.topics.length
  if (budgeted.length === n && model.plan)
    return `${n} topics: ${model.plan.minutes} of ${model.plan.budget} minutes planned.`
  if (budgeted.length === n)
    return `${n} topics, about ${formatMinutes(minutes)} in all.`
  return `${formatMinutes(minutes)} planned so far: ${written.length} of ${n} topic decks written, ${budgeted.length} with a time budget.`
}

/** The lesson's sittings: part, topics, minutes and the break after it. */
export function partsTable(model: SiteModel): string {
  const parts = model.parts ?? []
  if (!parts.length)
    return ''
  const title = (id: string) => {
    const t = TOPICS.find(topic => topic.id === id)
    return t ? `${t.number} ${inline(stripNumber(t.title, t.number).replace(/ Smart Pointer$/, '').replace(/^Smart Pointers — /, ''))}` : escape(id)
  }
  const days = new Set(parts.map(p => p.day ?? 1)).size
  const offPath = (p: IndexPart) => p.offPath?.length ? p.offPath.map(inline).join('; ') : '–'
  const rows = parts.map((p, i) => `<tr>${days > 1 ? `<td>${p.day ?? 1}</td>` : ''}<td>${i + 1}. ${escape(p.name)}</td><td>${p.topics.length ? p.topics.map(title).join(', ') : 'applications, pitfalls, wrap-up'}</td><td>${formatMinutes(p.minutes)}</td><td>${p.breakMinutes ? `${formatMinutes(p.breakMinutes)} break` : (days > 1 && parts[i + 1] && parts[i + 1]!.day !== p.day ? 'end of day' : 'end')}</td><td>${offPath(p)}</td></tr>`)
  return `<h2>Schedule</h2>
<p class="note">${days > 1 ? `${days} days of at most ${PACE.dayMinutes / 60} hours of teaching, in ` : ''}${parts.length} parts, each one sitting of at most ${PACE.partMinutes} minutes. Slides off the class path (optional, or homework) are skipped in class and kept here.</p>
<table class="parts"><thead><tr>${days > 1 ? '<th>day</th>' : ''}<th>part</th><th>topics</th><th>time</th><th>then</th><th>off the class path</th></tr></thead><tbody>
${rows.join('\n')}
</tbody></table>`
}

export function renderIndex(model: SiteModel, extras: IndexExtras = {}): string {
  const lesson = model.lesson
  const title = lesson?.title ?? 'Lesson 2.2: Advanced Memory Management in Rust'
  const summary = lessonSummary(model)
  const lessonLinks = lesson
    ? `<p class="links lesson-links"><a href="./${LESSON_ID}/index.html">The whole lesson as one deck</a>${model.pdf ? `<a href="./pdf/${LESSON_ID}.pdf">Whole lesson PDF</a>` : ''}${model.topics.some(t => t.exercise) ? '<a href="./exercises/index.html">Exercises</a>' : ''}<a href="./search.html">Search</a><a href="./glossary.html">Glossary</a></p>`
    : ''
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title.replace(/`/g, ''))}</title>
<link rel="icon" href="./favicon.svg" type="image/svg+xml">
${extras.download && extras.download !== 'inside' ? '<link rel="manifest" href="./manifest.webmanifest">' : ''}
<style>
:root { color-scheme: light dark; --fg: #1d1f24; --muted: #555a66; --bg: #fbfbfa; --card: #fff; --line: #d9dbe0; --accent: #a13d16; }
@media (prefers-color-scheme: dark) { :root { --fg: #e8e9ec; --muted: #a9adb8; --bg: #16181d; --card: #1f2229; --line: #343844; --accent: #f0996b; } }
* { box-sizing: border-box; }
body { margin: 0; font-size: 17px; line-height: 1.5; color: var(--fg); background: var(--bg); }
${siteFontCss('./')}
main { max-width: 60rem; margin: 0 auto; padding: 2rem 1.25rem 4rem; }
h1 { font-size: 2rem; line-height: 1.2; margin: 0 0 .5rem; }
h2 { font-size: 1.3rem; margin: 2.5rem 0 1rem; }
h3 { font-size: 1.1rem; margin: 0 0 .25rem; }
code { font-size: .92em; }
.lead, .info, .note, .min, .budget { color: var(--muted); }
.topics { list-style: none; padding: 0; display: grid; gap: 1rem; grid-template-columns: repeat(auto-fill, minmax(17rem, 1fr)); }
.topic { background: var(--card); border: 1px solid var(--line); border-radius: .5rem; padding: 1rem 1.1rem; display: flex; flex-direction: column; }
.topic.missing { border-style: dashed; }
.num { color: var(--accent); font-variant-numeric: tabular-nums; }
.budget { margin: 0 0 .5rem; font-size: .95rem; }
.budget.unknown { font-style: italic; }
.objectives, .sections { margin: 0 0 .75rem; padding-left: 1.2rem; font-size: .95rem; }
.contents { margin: 0 0 .75rem; font-size: .95rem; }
.contents summary { cursor: pointer; min-height: 44px; display: flex; align-items: center; color: var(--accent); font-weight: 600; }
.contents ol { padding-left: 2rem; margin: .25rem 0 0; }
.contents li a { display: inline-block; padding: .15rem 0; font-weight: 400; }
.links { margin: auto 0 0; display: flex; flex-wrap: wrap; gap: .4rem .9rem; }
.lesson-links { margin: 1.25rem 0 0; }
a { color: var(--accent); font-weight: 600; }
a:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
table { border-collapse: collapse; width: 100%; }
.offline-mark { margin: 0 0 .75rem; font-size: .95rem; color: var(--fg); }
.quiz-progress { margin: 0 0 .75rem; font-size: .95rem; color: var(--muted); }
.quiz-progress.done { color: var(--fg); }
button { font: inherit; color: var(--accent); background: var(--card); border: 1px solid var(--accent); border-radius: .3rem; padding: .2rem .6rem; cursor: pointer; }
button:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
th, td { text-align: left; padding: .4rem .6rem; border-bottom: 1px solid var(--line); }
</style>
</head>
<body>
<main>
<h1>${inline(title)}</h1>
${lesson?.info ? `<p class="lead">${inline(lesson.info)}</p>` : ''}
<p class="lead">${summary}</p>
${lessonLinks}
${partsTable(model)}
<h2>Topics</h2>
<ol class="topics">
${model.topics.map(t => topicCard(t, model.pdf, extras.quizzes?.[t.topic.id])).join('\n')}
</ol>
${offlineSection(extras.download)}
</main>
${extras.quizzes || extras.download ? PROGRESS_SCRIPT : ''}
</body>
</html>
`
}
