import type { Topic } from '../../core/topics.ts'
/**
 * The exercises as learners get them: `exercises/index.html` listing each
 * topic's exercise with the statement its starter's doc comment gives, a
 * starter workspace to download (the starters only, a cargo workspace that
 * builds offline with the standard library) and, separately, the solutions.
 */
import type { TarEntry } from './tar.ts'
import { existsSync } from 'node:fs'
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { TOPICS } from '../../core/topics.ts'
import { LessonError } from './errors.ts'
import { tarGz } from './tar.ts'

export const STARTERS_ARCHIVE = 'lesson-2.2-exercises.tar.gz'
export const SOLUTIONS_ARCHIVE = 'lesson-2.2-solutions.tar.gz'
const WORKSPACE = 'lesson-2.2-exercises'
const SOLUTIONS_WORKSPACE = 'lesson-2.2-solutions'

export interface Exercise {
  topic: Topic
  /** The starter's doc comment without the kit's header keys: what to do. */
  statement: string
  /** The starter as a learner gets it: no kit header, no region markers. */
  starter: string
  solution: string | null
  /** Whether the code calls the kit's `trace` recorder. */
  usesTrace: boolean
  /** Path from the kit's root, for messages. */
  file: string
}

const KEY_LINE = /^\/\/!\s*(?:expect|support):/
const REGION = /^\s*\/\/ #(?:end)?region\b/

/** The `//!` lines at the top, without the `expect:`/`support:` keys. */
export function exerciseStatement(source: string, file: string): string {
  const doc: string[] = []
  for (const line of source.split('\n')) {
    if (!line.startsWith('//!'))
      break
    if (!KEY_LINE.test(line))
      doc.push(line.replace(/^\/\/! ?/, ''))
  }
  const text = doc.join('\n').trim()
  if (!text)
    throw new LessonError(`${file}:1: the exercise starter has no doc comment (\`//! …\`) saying what to do`)
  return text
}

/** A snippet as a learner's file: the kit's header keys and region markers removed. */
export function learnerSource(source: string): string {
  const lines = source.split('\n')
  let i = 0
  while (i < lines.length && lines[i]!.startsWith('//!') && KEY_LINE.test(lines[i]!))
    i++
  // A blank `//!` left at the top after the keys.
  if (i > 0 && lines[i]?.trim() === '//!')
    i++
  return lines.slice(i).filter(line => !REGION.test(line)).join('\n')
}

const usesTraceIn = (source: string): boolean => /\b(?:trace::|use trace\b)/.test(source)

export async function collectExercises(root: string, topics: readonly Topic[] = TOPICS): Promise<Exercise[]> {
  const exercises: Exercise[] = []
  for (const topic of topics) {
    const bin = join(root, 'snippets', topic.id, 'src', 'bin')
    const starterPath = join(bin, 'exercise.rs')
    if (!existsSync(starterPath))
      continue
    const file = relative(root, starterPath)
    const source = await readFile(starterPath, 'utf8')
    const solutionPath = join(bin, 'exercise-solution.rs')
    const solution = existsSync(solutionPath) ? await readFile(solutionPath, 'utf8') : null
    exercises.push({
      topic,
      statement: exerciseStatement(source, file),
      starter: learnerSource(source),
      solution: solution === null ? null : learnerSource(solution),
      usesTrace: usesTraceIn(source) || (solution !== null && usesTraceIn(solution)),
      file,
    })
  }
  return exercises
}

async function traceCrate(root: string, into: string): Promise<TarEntry[]> {
  const dir = join(root, 'snippets', 'trace')
  const entries: TarEntry[] = [{ path: `${into}/trace/Cargo.toml`, content: await readFile(join(dir, 'Cargo.toml')) }]
  for (const name of (await readdir(join(dir, 'src'), { recursive: true })).sort()) {
    if (name.endsWith('.rs'))
      entries.push({ path: `${into}/trace/src/${name}`, content: await readFile(join(dir, 'src', name)) })
  }
  return entries
}

/**
 * One crate per topic, `<id>/src/main.rs`, package `<id>-exercise`, so
 * `cargo run -p rc-exercise` and `cargo test -p rc-exercise` pick one.
 */
export async function workspaceEntries(root: string, exercises: readonly Exercise[], which: 'starter' | 'solution'): Promise<TarEntry[]> {
  const top = which === 'starter' ? WORKSPACE : SOLUTIONS_WORKSPACE
  const chosen = exercises.filter(e => which === 'starter' || e.solution !== null)
  const needsTrace = chosen.some(e => e.usesTrace)
  const members = [...chosen.map(e => e.topic.id), ...needsTrace ? ['trace'] : []].sort()
  const entries: TarEntry[] = [{
    path: `${top}/Cargo.toml`,
    content: [
      '[workspace]',
      'resolver = "2"',
      `members = [${members.map(m => `"${m}"`).join(', ')}]`,
      '',
      '[workspace.package]',
      'edition = "2021"',
      'publish = false',
      'version = "0.1.0"',
      ...needsTrace ? ['', '[workspace.dependencies]', 'trace = { path = "trace" }'] : [],
      '',
    ].join('\n'),
  }, {
    path: `${top}/README.md`,
    content: readme(chosen, which),
  }]
  for (const e of chosen) {
    entries.push({
      path: `${top}/${e.topic.id}/Cargo.toml`,
      content: [
        '[package]',
        `name = "${e.topic.id}-exercise"`,
        `description = "Lesson 2.2, topic ${e.topic.number}: ${e.topic.title}"`,
        'edition.workspace = true',
        'publish.workspace = true',
        'version.workspace = true',
        ...e.usesTrace ? ['', '[dependencies]', 'trace.workspace = true'] : [],
        '',
      ].join('\n'),
    }, {
      path: `${top}/${e.topic.id}/src/main.rs`,
      content: which === 'starter' ? e.starter : e.solution!,
    })
  }
  if (needsTrace)
    entries.push(...await traceCrate(root, top))
  return entries
}

function readme(exercises: readonly Exercise[], which: 'starter' | 'solution'): string {
  const intro = which === 'starter'
    ? 'Starters for the exercises of Lesson 2.2, Advanced Memory Management in Rust. Each folder is one crate; replace its `todo!()`s. Only the standard library is used, so `cargo build --offline` works without a network.'
    : 'Solutions to the exercises of Lesson 2.2, Advanced Memory Management in Rust. Try the starters first. `cargo test --offline` runs the tests each solution passes.'
  return [
    `# Lesson 2.2 ${which === 'starter' ? 'exercises' : 'solutions'}`,
    '',
    intro,
    '',
    ...exercises.flatMap(e => [`## ${e.topic.number} ${e.topic.title}: \`${e.topic.id}/\``, '', `Run: \`cargo run -p ${e.topic.id}-exercise\`; test: \`cargo test -p ${e.topic.id}-exercise\`.`, '', e.statement, '']),
  ].join('\n')
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

/** Backticks become `<code>`; everything else is escaped text. */
function inline(text: string): string {
  return escapeHtml(text).replace(/`([^`]+)`/g, '<code>$1</code>')
}

/** The doc comment's prose as HTML: blank lines split paragraphs, `- ` lines are list items. */
export function statementHtml(statement: string): string {
  const blocks: string[] = []
  for (const para of statement.split(/\n\s*\n/)) {
    const lines = para.split('\n')
    const items: string[] = []
    const text: string[] = []
    for (const line of lines) {
      if (/^\s*- /.test(line))
        items.push(line.replace(/^\s*- /, ''))
      else if (items.length) // a list item's wrapped continuation
        items[items.length - 1] += ` ${line.trim()}`
      else text.push(line.trim())
    }
    if (text.length)
      blocks.push(`<p>${inline(text.join(' '))}</p>`)
    if (items.length)
      blocks.push(`<ul>${items.map(i => `<li>${inline(i)}</li>`).join('')}</ul>`)
  }
  return blocks.join('\n')
}

export function renderExercisesPage(exercises: readonly Exercise[]): string {
  const cards = exercises.map(e => `<section aria-labelledby="ex-${e.topic.id}">
  <h2 id="ex-${e.topic.id}"><span class="num">${e.topic.number}</span> ${escapeHtml(e.topic.title)}</h2>
  ${statementHtml(e.statement)}
  <p class="files"><a href="${e.topic.id}/starter.rs">starter <code>${e.topic.id}/src/main.rs</code></a> · <a href="../${e.topic.id}/index.html">slides</a></p>
</section>`).join('\n')
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Exercises · Lesson 2.2 Advanced Memory Management</title>
<link rel="icon" href="../favicon.svg">
<style>
:root { color-scheme: light dark; --fg: #1f2328; --bg: #ffffff; --muted: #4b5563; --link: #1d4ed8; --line: #d0d7de; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6edf3; --bg: #0d1117; --muted: #c4c9d2; --link: #93c5fd; --line: #30363d; } }
body { margin: 0 auto; max-width: 52rem; padding: 1.5rem; font: 1rem/1.55 system-ui, sans-serif; color: var(--fg); background: var(--bg); }
a { color: var(--link); }
a:focus-visible { outline: 3px solid var(--link); outline-offset: 2px; }
code { font-family: ui-monospace, monospace; font-size: 0.92em; }
section { border-top: 1px solid var(--line); padding: 0.5rem 0 0.75rem; }
h2 { font-size: 1.2rem; margin: 0.6rem 0 0.4rem; }
.num, .files { color: var(--muted); }
.downloads { display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; padding: 0; list-style: none; }
@media (prefers-reduced-motion: reduce) { * { transition: none !important; animation: none !important; } }
</style>
</head>
<body>
<header>
<p><a href="../index.html">← Lesson 2.2 home</a></p>
<h1>Exercises</h1>
<p>One exercise per topic. Each starter compiles and panics with <code>not yet implemented</code> until you replace its <code>todo!()</code>s. The starters use only the standard library: unpack the workspace, then <code>cargo build --offline</code>.</p>
<ul class="downloads">
<li><a href="${STARTERS_ARCHIVE}" download>Starter workspace (.tar.gz)</a></li>
<li><a href="${SOLUTIONS_ARCHIVE}" download>Solutions (.tar.gz): try first</a></li>
</ul>
</header>
<main>
${cards}
</main>
</body>
</html>
`
}

export interface ExercisesOutput {
  exercises: Exercise[]
  /** Files written, relative to `outDir`. */
  files: string[]
}

/** Writes `index.html`, `<id>/starter.rs` and both archives into `outDir` (e.g. `dist/exercises`). */
export async function writeExercises(root: string, outDir: string): Promise<ExercisesOutput> {
  const exercises = await collectExercises(root)
  if (!exercises.length)
    throw new LessonError('no exercise starters found (snippets/<topic>/src/bin/exercise.rs): nothing to publish')
  await mkdir(outDir, { recursive: true })
  const files: string[] = []
  const put = async (name: string, content: string | Uint8Array) => {
    await mkdir(join(outDir, name, '..'), { recursive: true })
    await writeFile(join(outDir, name), content)
    files.push(name)
  }
  await put('index.html', renderExercisesPage(exercises))
  for (const e of exercises)
    await put(`${e.topic.id}/starter.rs`, e.starter)
  await put(STARTERS_ARCHIVE, tarGz(await workspaceEntries(root, exercises, 'starter')))
  await put(SOLUTIONS_ARCHIVE, tarGz(await workspaceEntries(root, exercises, 'solution')))
  return { exercises, files }
}
