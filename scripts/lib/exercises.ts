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
import { LessonError } from '../../core/errors.ts'
import { headerBlock, learnerSource, usesRecorder } from '../../core/snippet-source.ts'
import { TOPICS } from '../../core/topics.ts'
import { siteFontCss } from './site-fonts.ts'
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

/** The `//!` lines at the top, without the header's keys. */
export function exerciseStatement(source: string, file: string): string {
  const text = headerBlock(source).prose.join('\n').trim()
  if (!text)
    throw new LessonError(`${file}:1: the exercise starter has no doc comment (\`//! …\`) saying what to do`)
  return text
}

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
      usesTrace: usesRecorder(source) || (solution !== null && usesRecorder(solution)),
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
      'edition = "2024"',
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
    ? 'Starters for the exercises of Lesson 2.2, Advanced Memory Management in Rust. Each folder is one crate with its tests; replace its `todo!()`s until `cargo test` passes. The stretch goals\' tests run with `-- --ignored`. Only the standard library is used, so `cargo build --offline` works without a network.'
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

/**
 * The doc comment's prose as HTML: blank lines split paragraphs, `- ` lines
 * are list items and `1. ` lines numbered steps; consecutive numbered steps
 * make one list even with blank lines between them.
 */
export function statementHtml(statement: string): string {
  const blocks: string[] = []
  for (const para of statement.split(/\n\s*\n/)) {
    const items: string[] = []
    const text: string[] = []
    let kind: 'ul' | 'ol' = 'ul'
    for (const line of para.split('\n')) {
      const bullet = /^\s*(?:- |\d+\. )/.exec(line)
      if (bullet) {
        kind = bullet[0].trim() === '-' ? 'ul' : 'ol'
        items.push(line.slice(bullet[0].length))
      }
      else if (items.length) { // a list item's wrapped continuation
        items[items.length - 1] += ` ${line.trim()}`
      }
      else { text.push(line.trim()) }
    }
    if (text.length)
      blocks.push(`<p>${inline(text.join(' '))}</p>`)
    if (items.length) {
      const list = items.map(i => `<li>${inline(i)}</li>`).join('')
      const previous = blocks.at(-1)
      if (kind === 'ol' && !text.length && previous?.startsWith('<ol>'))
        blocks[blocks.length - 1] = previous.replace(/<\/ol>$/, `${list}</ol>`)
      else blocks.push(`<${kind}>${list}</${kind}>`)
    }
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
body { margin: 0 auto; max-width: 52rem; padding: 1.5rem; font-size: 1.0625rem; line-height: 1.55; color: var(--fg); background: var(--bg); }
${siteFontCss('../')}
a { color: var(--link); }
a:focus-visible { outline: 3px solid var(--link); outline-offset: 2px; }
code { font-size: 0.92em; }
li { margin: 0.2rem 0; }
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
<p>One exercise per topic. Each starter ships its tests: in the unpacked workspace, <code>cargo test -p rc-exercise</code> (any topic id) shows which tests still fail with <code>not yet implemented</code> until you replace the <code>todo!()</code>s; <code>cargo run -p rc-exercise</code> runs its <code>main</code>. The stretch goals' tests are ignored until you ask for them: <code>cargo test -p rc-exercise -- --ignored</code>. The starters use only the standard library: <code>cargo build --offline</code> works.</p>
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
