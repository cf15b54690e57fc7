/**
 * `npm run import -- <path> --topic <id> [--name <name>] [--output <transcript>] [--edition <year>]`
 *
 * Turns existing material into snippets: an mdbook chapter (every Rust code
 * block, one snippet each), a folder of chapters, a cargo project
 * (`Cargo.toml`, `src/main.rs` or `src/lib.rs`, and `output.txt`, the
 * recorded `cargo run`, `cargo build` or `cargo test` in the Rust Book's
 * format) or a single `.rs` file. Each snippet promises what its authors say
 * (a fence's attributes, a transcript); the import compiles and runs each
 * one to record what it prints, and prints one table: block, attribute,
 * promise written, notes. The check then says whether each promise holds.
 */
import type { Expectation } from '../core/snippet-data.ts'
import type { Edition } from '../core/snippet-source.ts'
import type { Plan, Prepared } from './lib/import-material.ts'
import type { ChapterBlock, FileReader } from './lib/mdbook.ts'
import type { TranscriptReading } from './lib/transcript.ts'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { mkdir, readFile } from 'node:fs/promises'
import { availableParallelism } from 'node:os'
import { basename, dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { LessonError } from '../core/errors.ts'
import { anchorMarker, describeExpectation, markerLine } from '../core/snippet-source.ts'
import { isTopicId, TOPIC_IDS } from '../core/topics.ts'
import { crateEdition, manifestEdition } from './lib/cargo.ts'
import { defineCommand } from './lib/command.ts'
import { prepareImport, removeScratch, scratchDir, writeImports } from './lib/import-material.ts'
import { bookSettings, isChapter, readChapter } from './lib/mdbook.ts'
import { mapLimit, run } from './lib/process.ts'
import { readTranscript } from './lib/transcript.ts'

interface Options { path: string, topic: string, name: string | null, output: string | null, edition: Edition | null, root: string }

const EDITIONS = ['2021', '2024']

/** The options as read, checked and resolved. */
function readOptions(values: { topic?: string, name?: string, output?: string, edition?: string, root?: string }, path: string): Options {
  if (!values.topic)
    throw new LessonError('--topic is required (see `npm run import -- --help`)')
  if (!isTopicId(values.topic))
    throw new LessonError(`unknown topic \`${values.topic}\`; topics are: ${TOPIC_IDS.join(', ')}`)
  if (values.edition !== undefined && !EDITIONS.includes(values.edition))
    throw new LessonError(`--edition is 2021 or 2024, not \`${values.edition}\``)
  if (values.name !== undefined && !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(values.name))
    throw new LessonError(`--name \`${values.name}\` is not kebab-case`)
  return {
    path: resolve(path),
    topic: values.topic,
    name: values.name ?? null,
    output: values.output ? resolve(values.output) : null,
    edition: (values.edition as Edition | undefined) ?? null,
    root: values.root ? resolve(values.root) : fileURLToPath(new URL('..', import.meta.url)),
  }
}

const kebab = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')

/** `path, commit abc123` when the file is in git (and `, modified` when it differs from that commit). */
async function provenance(file: string, extra = ''): Promise<string> {
  const dir = dirname(file)
  const top = await run('git', ['rev-parse', '--show-toplevel'], { cwd: dir }).catch(() => null)
  if (!top || top.exitCode !== 0)
    return `${relative(process.cwd(), file)}${extra}`
  const commit = await run('git', ['log', '-1', '--format=%h', '--', file], { cwd: dir })
  const dirty = await run('git', ['status', '--porcelain', '--', file], { cwd: dir })
  const where = relative(top.stdout.trim(), file)
  const hash = commit.stdout.trim()
  return `${where}${extra}${hash ? `, commit ${hash}` : ', not committed'}${hash && dirty.stdout.trim() ? ', modified since' : ''}`
}

/** The Book marks what a page shows with ANCHOR comments; Slidev reads #region. */
function anchorsToRegions(source: string, notes: string[]): string {
  const lines = source.split('\n')
  if (!lines.some(l => anchorMarker(l)))
    return source
  notes.push('its `// ANCHOR:` markers became `// #region` markers, which slides import')
  return lines.map((l) => {
    const m = anchorMarker(l)
    return m ? markerLine(m.kind, m.name, m.indent) : l
  }).join('\n')
}

/** A snippet is a program: a library gets an empty `main`, before its tests (clippy denies items after a test module). */
function addMain(source: string, notes: string[]): string {
  const added = '// Added on import: a snippet is a program, and a program needs a `main`.\nfn main() {}\n'
  const lines = source.split('\n')
  let at = lines.findIndex(l => l.startsWith('#[cfg(test)]'))
  while (at > 0 && lines[at - 1]!.startsWith('//'))
    at--
  notes.push('it was a library: an empty `fn main() {}` was added, marked with a comment')
  return at >= 0
    ? [...lines.slice(0, at), ...added.split('\n'), ...lines.slice(at)].join('\n')
    : `${source.replace(/\n*$/, '\n')}\n${added}`
}

function projectEdition(manifest: string): Edition {
  const edition = manifestEdition(readFileSync(manifest, 'utf8'), 'package') ?? '2015'
  if (!EDITIONS.includes(edition))
    throw new LessonError(`${manifest}: edition ${edition}; the kit's snippets are edition 2021 or 2024`)
  return edition as Edition
}

/** A cargo project with its recorded transcript, as the Rust Book keeps each listing. */
async function projectPlan(dir: string, o: Options, name: string, transcript: string | null, extra: Partial<Plan> = {}): Promise<Plan> {
  const manifest = join(dir, 'Cargo.toml')
  const main = join(dir, 'src', 'main.rs')
  const lib = join(dir, 'src', 'lib.rs')
  const sourceFile = existsSync(main) ? main : existsSync(lib) ? lib : null
  if (!sourceFile)
    throw new LessonError(`${dir}: neither src/main.rs nor src/lib.rs`)
  const notes: string[] = []
  let code = anchorsToRegions(await readFile(sourceFile, 'utf8'), notes)
  if (sourceFile === lib)
    code = addMain(code, notes)
  const reading: TranscriptReading = transcript
    ? readTranscript(await readFile(transcript, 'utf8'), relative(process.cwd(), transcript))
    : { command: '', expectation: { kind: 'runs', varies: true }, stdout: null, warnedLints: [], reasons: ['no transcript was given, so it is imported as `runs (output varies)`: it must build lint-clean and exit 0'] }
  return {
    topic: o.topic,
    name,
    code,
    shown: null,
    expectation: reading.expectation,
    edition: projectEdition(manifest),
    provenance: await provenance(sourceFile, reading.command ? ` (\`${reading.command}\`)` : ''),
    transcriptStdout: reading.stdout,
    warnedLints: reading.warnedLints,
    tested: transcript ? 'transcript' : 'none',
    rustfmt: [],
    block: relative(process.cwd(), dir) || '.',
    attribute: transcript ? `output.txt: ${reading.command}` : '-',
    notes: [...reading.reasons, ...notes],
    ...extra,
  }
}

async function filePlan(file: string, o: Options, name: string): Promise<Plan> {
  if (!file.endsWith('.rs'))
    throw new LessonError(`${file}: not a cargo project, a chapter (.md), a folder of chapters or a .rs file`)
  const notes: string[] = []
  let code = anchorsToRegions(await readFile(file, 'utf8'), notes)
  if (!/^\s*(?:pub\s+)?fn main\s*\(/m.test(code))
    code = addMain(code, notes)
  const reading: TranscriptReading = o.output
    ? readTranscript(await readFile(o.output, 'utf8'), relative(process.cwd(), o.output))
    : { command: '', expectation: { kind: 'runs', varies: true }, stdout: null, warnedLints: [], reasons: ['no transcript was given (--output), so it is imported as `runs (output varies)`: it must build lint-clean and exit 0'] }
  if (!o.edition)
    notes.push('edition 2021, the import\'s default for a `.rs` file (rustc\'s own, 2015, is not an edition the kit\'s snippets use); pass --edition 2024 for the other')
  return {
    topic: o.topic,
    name,
    code,
    shown: null,
    expectation: reading.expectation,
    edition: o.edition ?? '2021',
    provenance: await provenance(file, reading.command ? ` (\`${reading.command}\`)` : ''),
    transcriptStdout: reading.stdout,
    warnedLints: reading.warnedLints,
    tested: o.output ? 'transcript' : 'none',
    rustfmt: [],
    block: relative(process.cwd(), file),
    attribute: o.output ? `${basename(o.output)}: ${reading.command}` : '-',
    notes: [...reading.reasons, ...notes],
  }
}

const PROMISES: Record<ChapterBlock['promise'], Expectation> = {
  'runs': { kind: 'runs', varies: false },
  'compile-error': { kind: 'compile-error', codes: [] },
  'panics': { kind: 'panics' },
  'builds': { kind: 'builds' },
  'ignore': { kind: 'ignore' },
}

const disk: FileReader = {
  read: path => (existsSync(path) && statSync(path).isFile() ? readFileSync(path, 'utf8') : null),
  exists: existsSync,
}

/** Every Rust block of a chapter, one plan each. */
async function chapterPlans(chapter: string, o: Options, prefix: string): Promise<Plan[]> {
  const blocks = readChapter(await readFile(chapter, 'utf8'), chapter, disk)
  const book = bookSettings(chapter, disk)
  const plans: Plan[] = []
  for (const b of blocks) {
    const name = `${prefix}-${b.index}`
    const attribute = b.attributes.length ? b.attributes.join(',') : '(none)'
    const block = `${basename(chapter)} #${b.index} (line ${b.line})`
    const from = await provenance(chapter, `, block ${b.index} (line ${b.line})`)
    // A block that includes a cargo listing with its recorded run: the transcript says what it does.
    if (b.listing && b.promise !== 'ignore') {
      const plan = await projectPlan(b.listing, o, name, join(b.listing, 'output.txt'), {
        block,
        attribute,
        provenance: `${from}; listing ${relative(dirname(chapter), b.listing)}`,
      })
      plan.notes.unshift(`it includes ${relative(dirname(chapter), b.listing)}: the whole listing and its recorded output.txt are used`)
      plans.push({ ...plan, rustfmt: book.rustfmt })
      continue
    }
    const edition = b.edition ?? book.edition ?? o.edition ?? '2021'
    const notes = [...b.notes]
    if (!EDITIONS.includes(edition)) {
      notes.push(`edition ${edition} is not one the kit's snippets use: imported as 2021`)
    }
    else if (!b.edition && !book.edition) {
      notes.push(o.edition
        ? `edition ${edition}, from --edition: neither the fence nor a book.toml sets one`
        : 'edition 2021: neither the fence nor a book.toml sets one, and mdbook\'s own default, 2015, is not an edition the kit\'s snippets use (pass --edition 2024 for the other)')
    }
    plans.push({
      topic: o.topic,
      name,
      code: b.code,
      // The block as its page shows it, for slides: `<<< …/boxes-2.rs#shown rust`.
      shown: b.shown,
      expectation: PROMISES[b.promise],
      edition: (EDITIONS.includes(edition) ? edition : '2021') as Edition,
      provenance: from,
      transcriptStdout: null,
      warnedLints: [],
      tested: 'rustdoc',
      rustfmt: book.rustfmt,
      block,
      attribute,
      notes,
    })
  }
  return plans
}

function chaptersIn(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter(e => e.isFile() && isChapter(e.name) && !e.parentPath.includes('node_modules'))
    .map(e => join(e.parentPath, e.name))
    .sort()
}

async function plansFor(o: Options): Promise<Plan[]> {
  if (!existsSync(o.path))
    throw new LessonError(`${o.path}: no such file or directory`)
  const name = (fallback: string) => o.name ?? kebab(fallback)
  if (statSync(o.path).isDirectory()) {
    if (existsSync(join(o.path, 'Cargo.toml'))) {
      const transcript = o.output ?? join(o.path, 'output.txt')
      return [await projectPlan(o.path, o, name(basename(o.path)), existsSync(transcript) ? transcript : null)]
    }
    const chapters = chaptersIn(o.path)
    if (chapters.length === 0)
      throw new LessonError(`${o.path}: not a cargo project (no Cargo.toml) and holds no chapters (.md)`)
    const plans: Plan[] = []
    for (const chapter of chapters)
      plans.push(...await chapterPlans(chapter, o, `${o.name ? `${o.name}-` : ''}${kebab(basename(chapter, '.md'))}`))
    return plans
  }
  if (o.path.endsWith('.md'))
    return chapterPlans(o.path, o, name(basename(o.path, '.md')))
  return [await filePlan(o.path, o, name(basename(o.path, '.rs')))]
}

/** The table the import prints: block, attribute, promise written, notes. */
export function importTable(rows: readonly { block: string, attribute: string, promise: string, notes: string[] }[]): string[] {
  const head = { block: 'block', attribute: 'attribute', promise: 'promise written', notes: ['notes'] }
  const all = [head, ...rows]
  const w = (key: 'block' | 'attribute' | 'promise') => Math.min(40, Math.max(...all.map(r => r[key].length)))
  const cell = (text: string, width: number) => text.padEnd(width)
  return all.flatMap((r, i) => {
    const [first = '', ...more] = r.notes.length ? r.notes : ['']
    const line = `${cell(r.block, w('block'))}  ${cell(r.attribute, w('attribute'))}  ${cell(r.promise, w('promise'))}  ${first}`.trimEnd()
    const pad = ' '.repeat(w('block') + w('attribute') + w('promise') + 6)
    return [line, ...more.map(n => `${pad}${n}`), ...(i === 0 ? [`${'-'.repeat(w('block'))}  ${'-'.repeat(w('attribute'))}  ${'-'.repeat(w('promise'))}  -----`] : [])]
  })
}

async function main(options: Options): Promise<number> {
  const { root, topic } = options
  const plans = await plansFor(options)
  if (plans.length === 0)
    throw new LessonError(`${relative(process.cwd(), options.path)}: no Rust code block to import`)
  const workspace = join(root, 'snippets')
  const crate = await crateEdition(workspace, topic)
  const scratch = scratchDir(root)
  await mkdir(scratch, { recursive: true })
  let prepared: Prepared[]
  try {
    prepared = await mapLimit(plans, availableParallelism(), plan => prepareImport(plan, root, crate, scratch))
    await writeImports(prepared, root)
  }
  finally {
    await removeScratch(scratch)
  }
  for (const p of prepared) {
    for (const path of p.files.keys()) {
      const file = relative(root, path)
      console.log(file.endsWith('.rs')
        ? `import: wrote ${file}: ${describeExpectation(p.expectation)} (snippet ${topic}/${p.plan.name})`
        : `import: wrote ${file}: ${p.plan.transcriptStdout !== null ? 'the stdout the transcript recorded' : `the stdout of ${p.expectation.kind === 'runs' ? 'its runs' : 'its runs before the panic'}`}`)
    }
  }
  console.log('')
  for (const line of importTable(prepared.map(p => ({ block: p.plan.block, attribute: p.plan.attribute, promise: describeExpectation(p.expectation), notes: p.notes }))))
    console.log(line)
  console.log(`\nnext: \`npm run check\` says whether each promise holds on this toolchain; it lists imported snippets no slide shows yet: show them in slides/${topic}.md (or mark one \`//! support: <why>\`)`)
  return 0
}

export const command = defineCommand({
  name: 'import',
  summary: 'turns an mdbook chapter (every Rust code block), a folder of chapters, a cargo project with its recorded output.txt, or a single .rs file into snippets promising what their authors say; the check then judges them',
  usage: 'npm run import -- <path> --topic <id> [--name <name>] [--output <transcript>] [--edition <year>]',
  positionals: [{ name: 'path', description: 'an mdbook chapter (.md), a folder of chapters, a cargo project (Cargo.toml, src/main.rs or src/lib.rs, output.txt) or a single .rs file' }],
  options: {
    topic: { type: 'string', value: 'id', description: `the topic it joins: ${TOPIC_IDS.join(', ')}` },
    name: { type: 'string', value: 'name', description: 'the snippet\'s name (kebab-case), or for a chapter the prefix of its blocks\' names (`<name>-<block>`); default: the folder, file or chapter name' },
    output: { type: 'string', value: 'file', description: 'the recorded transcript, when it is not the project\'s output.txt' },
    edition: { type: 'string', value: 'year', description: 'for a .rs file or a chapter whose book sets none: 2021 (default) or 2024' },
    root: { type: 'string', value: 'dir', description: 'the kit (default: this one)' },
  },
  examples: [
    'npm run import -- ../course/src/smart-pointers/box.md --topic box',
    'npm run import -- ../book/listings/ch15-smart-pointers/listing-15-23 --topic refcell --name mock-messenger',
    'npm run import -- ./two-writers.rs --topic concrete-lifetimes --output ./two-writers.txt --edition 2024',
  ],
  errorExitCode: 2,
  run: ({ values, positionals }) => main(readOptions(values, positionals[0]!)),
})

command.mainIfEntry(import.meta.url)
