/**
 * Two pages of the published site beside the index, for a learner working
 * alone: `glossary.html` (core/glossary.ts, each term linked from its first
 * use in the learner's texts) and `search.html`, a full-text search over
 * every slide's title and learner's text and the glossary. The search's
 * index is inside the page and its script runs in the page, so it works
 * from the unzipped offline copy (`file://`) and with the network off.
 */
import type { DeckSet } from './decks.ts'
import { GLOSSARY, termTopic } from '../../core/glossary.ts'
import { LESSON_ID, TOPICS } from '../../core/topics.ts'
import { findDeck } from './decks.ts'
import { siteFontCss } from './site-fonts.ts'
import { inline } from './site-index.ts'

/** One thing the search can find: a slide, or a glossary entry. */
export interface SearchEntry {
  /** Where it is: `rc/index.html#/6`, `glossary.html#borrow`. */
  href: string
  /** The deck's topic number and title, or "Glossary". */
  where: string
  title: string
  /** The learner's text (or the definition), markdown marks removed. */
  text: string
}

/** Markdown as plain text: links keep their words, emphasis and code marks go. */
export function plainText(markdown: string): string {
  return markdown.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[*_`]/g, '').replace(/\s+/g, ' ').trim()
}

/** Every topic deck's slides (title and learner's text), the whole lesson's own slides, and the glossary. */
export function searchEntries(set: DeckSet): SearchEntry[] {
  const entries: SearchEntry[] = []
  for (const topic of TOPICS) {
    const deck = findDeck(set, topic.id)
    if (!deck)
      continue
    deck.shown.forEach((s, i) => {
      const learn = s.slide.learn
      entries.push({
        href: `${topic.id}/index.html#/${i + 1}`,
        where: `${topic.number} ${plainText(deck.meta.title).replace(`${topic.number} `, '')}`,
        title: plainText(s.slide.title ?? `slide ${i + 1}`),
        text: learn && !learn.none ? plainText(learn.text) : '',
      })
    })
  }
  const lesson = findDeck(set, LESSON_ID)
  lesson?.shown.forEach((s, i) => {
    if (s.file === lesson.source.file)
      entries.push({ href: `${LESSON_ID}/index.html#/${i + 1}`, where: 'The whole lesson', title: plainText(s.slide.title ?? `slide ${i + 1}`), text: '' })
  })
  for (const term of GLOSSARY)
    entries.push({ href: `glossary.html#${term.id}`, where: 'Glossary', title: plainText(term.term), text: plainText(term.definition) })
  return entries
}

function page(title: string, body: string, script = ''): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="icon" href="./favicon.svg" type="image/svg+xml">
<style>
:root { color-scheme: light dark; --fg: #1d1f24; --muted: #555a66; --bg: #fbfbfa; --card: #fff; --line: #d9dbe0; --accent: #a13d16; }
@media (prefers-color-scheme: dark) { :root { --fg: #e8e9ec; --muted: #a9adb8; --bg: #16181d; --card: #1f2229; --line: #343844; --accent: #f0996b; } }
* { box-sizing: border-box; }
body { margin: 0; font-size: 17px; line-height: 1.55; color: var(--fg); background: var(--bg); }
${siteFontCss('./')}
main { max-width: 46rem; margin: 0 auto; padding: 1.5rem 1.25rem 4rem; }
nav a { display: inline-flex; align-items: center; min-height: 44px; margin-right: 1rem; }
h1 { font-size: 1.8rem; line-height: 1.2; margin: .5rem 0 1rem; }
h2 { font-size: 1.15rem; margin: 1.75rem 0 .25rem; }
a { color: var(--accent); font-weight: 600; }
a:focus-visible, input:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
code { font-size: .92em; }
.muted { color: var(--muted); font-size: .95rem; }
input[type=search] { width: 100%; min-height: 44px; font: inherit; padding: .4rem .6rem; border: 1px solid var(--line); border-radius: .3rem; background: var(--card); color: var(--fg); }
ol.results { padding-left: 0; list-style: none; }
ol.results li { padding: .6rem 0; border-bottom: 1px solid var(--line); }
ol.results a { display: inline-block; min-height: 44px; padding-top: .55rem; }
mark { background: #ffe08a; color: #1d1f24; }
</style>
</head>
<body>
<main>
<nav aria-label="Site"><a href="./index.html">Lesson index</a><a href="./search.html">Search</a><a href="./glossary.html">Glossary</a></nav>
${body}
</main>
${script}
</body>
</html>
`
}

export function renderGlossary(): string {
  const entries = [...GLOSSARY].sort((a, b) => a.term.replace(/`/g, '').localeCompare(b.term.replace(/`/g, '')))
  const body = entries.map((t) => {
    const topic = termTopic(t)
    return `<h2 id="${t.id}">${inline(t.term)}</h2>
<p>${inline(t.definition)}</p>
${topic ? `<p class="muted">Taught in <a href="./${topic.id}/index.html">${topic.number} ${inline(topic.title)}</a>.</p>` : ''}`
  }).join('\n')
  return page('Glossary', `<h1>Glossary</h1>\n<p class="muted">The words the lesson's explanations use, each defined once.</p>\n${body}`)
}

/** Finds every word of the query in a slide's title and text; the page's one script, fed the entries inline. */
const SEARCH_SCRIPT = `
(function () {
  var entries = JSON.parse(document.getElementById('search-data').textContent)
  var input = document.getElementById('q')
  var list = document.getElementById('results')
  var status = document.getElementById('status')
  var norm = function (s) { return s.toLowerCase() }
  var excerpt = function (text, word) {
    var at = norm(text).indexOf(word)
    if (at < 0) return text.slice(0, 160)
    var from = Math.max(0, at - 60)
    return (from ? '…' : '') + text.slice(from, from + 200) + (from + 200 < text.length ? '…' : '')
  }
  var show = function () {
    var words = norm(input.value).split(/\\s+/).filter(Boolean)
    list.textContent = ''
    if (!words.length) { status.textContent = entries.length + ' slides and terms to search.'; return }
    var found = entries.filter(function (e) { var hay = norm(e.title + ' ' + e.text + ' ' + e.where); return words.every(function (w) { return hay.indexOf(w) >= 0 }) })
    status.textContent = found.length ? found.length + ' found.' : 'Nothing found.'
    found.slice(0, 100).forEach(function (e) {
      var li = document.createElement('li')
      var a = document.createElement('a'); a.href = './' + e.href; a.textContent = e.title
      var where = document.createElement('div'); where.className = 'muted'; where.textContent = e.where
      li.appendChild(a); li.appendChild(where)
      if (e.text) { var p = document.createElement('div'); p.textContent = excerpt(e.text, words[0]); li.appendChild(p) }
      list.appendChild(li)
    })
  }
  input.addEventListener('input', show)
  var q = new URLSearchParams(location.search).get('q')
  if (q) input.value = q
  show()
})()
`

export function renderSearch(entries: readonly SearchEntry[]): string {
  // Inside a <script> element: "</" would end it.
  const data = JSON.stringify(entries).replace(/</g, '\\u003c')
  return page('Search the lesson', `<h1>Search the lesson</h1>
<form role="search" onsubmit="return false"><label for="q" class="muted">Every slide's title and explanation, and the glossary</label>
<input id="q" type="search" name="q" autocomplete="off" autofocus></form>
<p id="status" class="muted" role="status" aria-live="polite"></p>
<ol id="results" class="results"></ol>`, `<script type="application/json" id="search-data">${data}</script>\n<script>${SEARCH_SCRIPT}</script>`)
}
