/**
 * `npm run import -- <path> --topic <id> [--name <name>] [--output <transcript>]`
 *
 * Turns existing material into a snippet: a cargo project (`Cargo.toml`,
 * `src/main.rs` or `src/lib.rs`, and `output.txt`, the recorded `cargo run`,
 * `cargo build` or `cargo test` in the Rust Book's format) or a single `.rs`
 * file. The snippet promises what the transcript shows; the check then says
 * whether it still holds on this toolchain. Nothing here judges the code.
 */
import type { Edition } from '../core/snippet-source.ts'
import type { TranscriptReading } from './lib/transcript.ts'
import { existsSync, statSync } from 'node:fs'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { basename, dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { LessonError } from '../core/errors.ts'
import { DEFAULT_EDITION, describeExpectation, markerLine } from '../core/snippet-source.ts'
import { isTopicId, TOPIC_IDS } from '../core/topics.ts'
import { crateEdition } from './lib/cargo.ts'
import { defineCommand } from './lib/command.ts'
import { run } from './lib/process.ts'
import { readTranscript } from './lib/transcript.ts'

/** Lints the Rust Book allows when it records its listings (`tools/update-rustc.sh`). */
const BOOK_ALLOWS = ['dead_code', 'unused_variables']

interface Options { path: string, topic: string, name: string | null, output: string | null, root: string }

/** The options as read, checked and resolved. */
function readOptions(values: { topic?: string, name?: string, output?: string, root?: string }, path: string): Options {
  if (!values.topic)
    throw new LessonError('--topic is required (see `npm run import -- --help`)')
  if (!isTopicId(values.topic))
    throw new LessonError(`unknown topic \`${values.topic}\`; topics are: ${TOPIC_IDS.join(', ')}`)
  return {
    path: resolve(path),
    topic: values.topic,
    name: values.name ?? null,
    output: values.output ? resolve(values.output) : null,
    root: values.root ? resolve(values.root) : fileURLToPath(new URL('..', import.meta.url)),
  }
}

interface Material { source: string, sourceFile: string, edition: Edition, transcript: string | null, isLib: boolean, defaultName: string }

async function readMaterial(o: Options): Promise<Material> {
  if (!existsSync(o.path))
    throw new LessonError(`${o.path}: no such file or directory`)
  if (statSync(o.path).isDirectory()) {
    const manifest = join(o.path, 'Cargo.toml')
    if (!existsSync(manifest))
      throw new LessonError(`${o.path}: not a cargo project (no Cargo.toml) and not a .rs file`)
    const main = join(o.path, 'src', 'main.rs')
    const lib = join(o.path, 'src', 'lib.rs')
    const sourceFile = existsSync(main) ? main : existsSync(lib) ? lib : null
    if (!sourceFile)
      throw new LessonError(`${o.path}: neither src/main.rs nor src/lib.rs`)
    const toml = await readFile(manifest, 'utf8')
    const edition = /^edition\s*=\s*"(\d{4})"/m.exec(toml)?.[1] ?? '2015'
    if (edition !== '2021' && edition !== '2024')
      throw new LessonError(`${manifest}: edition ${edition}; the kit's snippets are edition 2021 or 2024`)
    const transcriptFile = o.output ?? join(o.path, 'output.txt')
    return {
      source: await readFile(sourceFile, 'utf8'),
      sourceFile,
      edition,
      transcript: existsSync(transcriptFile) ? transcriptFile : null,
      isLib: sourceFile === lib,
      defaultName: basename(o.path),
    }
  }
  if (!o.path.endsWith('.rs'))
    throw new LessonError(`${o.path}: not a cargo project and not a .rs file`)
  const source = await readFile(o.path, 'utf8')
  return { source, sourceFile: o.path, edition: '2021', transcript: o.output, isLib: !/^\s*(?:pub\s+)?fn main\s*\(/m.test(source), defaultName: basename(o.path, '.rs') }
}

/** Lints the code triggers, found by compiling it as the check will (clippy, warnings shown). */
async function lintsRaised(file: string, edition: string, test: boolean): Promise<string[]> {
  const result = await run('clippy-driver', ['--edition', edition, ...(test ? ['--test'] : ['--crate-type', 'bin']), '--emit=metadata', '--error-format=json', '--out-dir', join(dirname(file), '.lesson-import'), file], {})
    .catch(() => null)
  if (!result)
    return []
  const lints = new Set<string>()
  for (const line of result.stderr.split('\n')) {
    if (!line.startsWith('{'))
      continue
    const d = JSON.parse(line) as { level: string, code: { code: string } | null }
    if (d.level === 'warning' && d.code && /^[a-z_:]+$/.test(d.code.code))
      lints.add(d.code.code)
  }
  return [...lints].sort()
}

async function main(options: Options): Promise<number> {
  const { root, topic } = options
  const material = await readMaterial(options)
  const name = options.name ?? material.defaultName.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(name))
    throw new LessonError(`snippet name \`${name}\` is not kebab-case; pass --name`)
  const said: string[] = []

  let reading: TranscriptReading
  if (material.transcript) {
    reading = readTranscript(await readFile(material.transcript, 'utf8'), relative(process.cwd(), material.transcript))
  }
  else {
    reading = { command: '', expectation: { kind: 'runs', varies: true }, stdout: null, warnedLints: [], reasons: ['no transcript was given, so it is imported as `runs (output varies)`: it must build lint-clean and exit 0'] }
  }
  const e = reading.expectation
  const place = e.kind === 'compile-error' ? 'fail' : 'bin'
  const workspace = join(root, 'snippets')
  const target = place === 'fail' ? join(workspace, topic, 'fail', `${name}.rs`) : join(workspace, topic, 'src', 'bin', `${name}.rs`)
  if (existsSync(target))
    throw new LessonError(`${relative(root, target)} exists; pass another --name`)

  // A program takes its crate's edition; a snippet in fail/ is compiled alone in its own.
  let edition = material.edition
  if (place === 'bin') {
    const crate = await crateEdition(workspace, topic)
    if (crate !== edition) {
      said.push(`the material is edition ${edition}, but programs in snippets/${topic}/ build with their crate's edition ${crate}: imported as ${crate} code; the check says whether it still compiles and is formatted in ${crate} style`)
      edition = crate as Edition
    }
  }
  else if (edition !== DEFAULT_EDITION) {
    said.push(`edition ${edition}, from its Cargo.toml: a snippet in fail/ is compiled alone, in its own edition`)
  }

  let source = material.source
  // The Book marks what a page shows with ANCHOR comments; Slidev reads #region.
  if (/\/\/ ANCHOR(?:_END)?: /.test(source)) {
    source = source.replace(/^([ \t]*)\/\/ ANCHOR(_END)?: (\S+)[ \t]*$/gm, (_, indent: string, end: string | undefined, name: string) => markerLine(end ? 'end' : 'start', name, indent))
    said.push('its `// ANCHOR:` markers became `// #region` markers, which slides import')
  }
  if (material.isLib) {
    // A snippet is a program: a library gets an empty `main`, before its tests
    // (clippy denies items after a test module).
    const added = '// Added on import: a snippet is a program, and a program needs a `main`.\nfn main() {}\n'
    // Before the test module and the comments (region markers) right above it.
    const lines = source.split('\n')
    let at = lines.findIndex(l => l.startsWith('#[cfg(test)]'))
    while (at > 0 && lines[at - 1]!.startsWith('//'))
      at--
    source = at >= 0
      ? [...lines.slice(0, at), ...added.split('\n'), ...lines.slice(at)].join('\n')
      : `${source.replace(/\n*$/, '\n')}\n${added}`
    said.push('it was a library: an empty `fn main() {}` was added, marked with a comment')
  }

  // Which lints to allow: those the transcript shows as warnings, and those
  // the Rust Book allows when recording (unused variables, dead code), but
  // only the ones this code really raises.
  await mkdir(join(dirname(target), '.'), { recursive: true })
  const probe = join(workspace, 'target', 'import', `${name}.rs`)
  await mkdir(dirname(probe), { recursive: true })
  await writeFile(probe, source)
  const testing = e.kind === 'tests' || e.kind === 'test-fails' || (e.kind === 'compile-error' && e.test === true)
  const raised = new Set([...await lintsRaised(probe, edition, false), ...(testing ? await lintsRaised(probe, edition, true) : [])])
  const allow = [...new Set([...reading.warnedLints, ...BOOK_ALLOWS])].filter(l => raised.has(l)).sort()
  for (const lint of allow) {
    said.push(reading.warnedLints.includes(lint)
      ? `allowed ${lint}: the transcript shows it as a warning`
      : `allowed ${lint}: the code raises it, and the Rust Book records its listings with \`-A ${lint}\``)
  }
  const denied = [...raised].filter(l => !allow.includes(l))
  if (denied.length)
    said.push(`not allowed: ${denied.join(', ')}; the check will fail on ${denied.length > 1 ? 'them' : 'it'} until the code or its header changes`)

  const header = [
    `//! Imported from ${basename(options.path)}${reading.command ? ` (\`${reading.command}\`)` : ''}.`,
    '//!',
    `//! expect: ${describeExpectation(e)}`,
    ...(allow.length ? [`//! allow: ${allow.join(' ')}`] : []),
    ...(place === 'fail' && edition !== DEFAULT_EDITION ? [`//! edition: ${edition}`] : []),
  ]
  await mkdir(dirname(target), { recursive: true })
  await writeFile(target, `${header.join('\n')}\n${source}`)
  console.log(`import: wrote ${relative(root, target)}: ${describeExpectation(e)} (snippet ${topic}/${name})`)
  if (reading.stdout && (e.kind === 'runs' || e.kind === 'panics')) {
    const expected = join(workspace, topic, 'expected', `${name}.stdout`)
    await mkdir(dirname(expected), { recursive: true })
    await writeFile(expected, reading.stdout)
    console.log(`import: wrote ${relative(root, expected)}: the stdout the transcript recorded`)
  }
  for (const line of [...reading.reasons, ...said])
    console.log(`  - ${line}`)
  console.log(`next: \`npm run check\` says whether it still holds on this toolchain; show it on a slide in slides/${topic}.md (or mark it \`//! support: <why>\`)`)
  return 0
}

export const command = defineCommand({
  name: 'import',
  summary: 'turns an existing cargo project (with its recorded output.txt) or a single .rs file into a snippet whose promise is the one its transcript makes; the check then judges it',
  usage: 'npm run import -- <path> --topic <id> [--name <name>] [--output <transcript>]',
  positionals: [{ name: 'path', description: 'a cargo project (Cargo.toml, src/main.rs or src/lib.rs, output.txt) or a single .rs file' }],
  options: {
    topic: { type: 'string', value: 'id', description: `the topic it joins: ${TOPIC_IDS.join(', ')}` },
    name: { type: 'string', value: 'name', description: 'the snippet\'s name (kebab-case); default: the project\'s folder or file name' },
    output: { type: 'string', value: 'file', description: 'the recorded transcript, when it is not the project\'s output.txt' },
    root: { type: 'string', value: 'dir', description: 'the kit (default: this one)' },
  },
  examples: ['npm run import -- ../book/listings/ch15-smart-pointers/listing-15-23 --topic refcell --name mock-messenger'],
  errorExitCode: 2,
  run: ({ values, positionals }) => main(readOptions(values, positionals[0]!)),
})

command.mainIfEntry(import.meta.url)
