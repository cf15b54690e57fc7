/**
 * The importer's truth about one piece of material before it becomes a
 * snippet: it compiles the code as the check will (clippy-driver, in the
 * material's edition), runs it several times, keeps stdout and stderr
 * apart, finds the lints it raises and says which are allowed and why, and
 * checks the formatting in the material's own style. As the check does, it
 * also compiles and runs the code under the kit's other edition, and
 * declares a different outcome there (`//! expect-<other>:`). It promises what the
 * material's authors say (a fence's attributes, a recorded transcript) and
 * says in one note each thing it could not take as given.
 *
 * Nothing is written until every piece of a chapter is ready (`writeImports`).
 */
import type { Expectation } from '../../core/snippet-data.ts'
import type { Edition } from '../../core/snippet-source.ts'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { dirname, join, relative } from 'node:path'
import { LessonError } from '../../core/errors.ts'
import { panicMessage } from '../../core/panic.ts'
import { DEFAULT_EDITION, describeExpectation, markerLine, otherEditionOf } from '../../core/snippet-source.ts'
import { binEntries, checkTargetDir, firstChangedLines } from './cargo.ts'
import { normalizeStderr, normalizeStdout } from './normalize.ts'
import { run } from './process.ts'

/** How many times a program is run on import: output that differs between them varies. */
export const IMPORT_RUNS = 5

/** rustdoc compiles every example with `#![allow(unused)]`: the lints of rustc's `unused` group. */
export const UNUSED_GROUP = new Set(['dead_code', 'path_statements', 'redundant_semicolons', 'unreachable_code', 'unreachable_patterns', 'unused_allocation', 'unused_assignments', 'unused_attributes', 'unused_braces', 'unused_doc_comments', 'unused_extern_crates', 'unused_features', 'unused_imports', 'unused_labels', 'unused_macro_rules', 'unused_macros', 'unused_must_use', 'unused_mut', 'unused_parens', 'unused_unsafe', 'unused_variables'])

/** Lints the Rust Book allows when it records its listings (`tools/update-rustc.sh`). */
export const BOOK_ALLOWS = ['dead_code', 'unused_variables']

export interface Plan {
  topic: string
  name: string
  /** The snippet's code, without its header. */
  code: string
  /** 1-based lines of `code` the material's page shows, for a `shown` region; null when it shows all of it. */
  shown: number[] | null
  expectation: Expectation
  edition: Edition
  /** For the `//! source:` line. */
  provenance: string
  /** The program's output a transcript recorded (its own lines and what cargo passed through). */
  transcriptStdout: string | null
  /** Lints a transcript shows as warnings. */
  warnedLints: string[]
  /** `transcript`: the Book's recorded listings; `rustdoc`: a chapter's code block, tested by rustdoc. */
  tested: 'transcript' | 'rustdoc' | 'none'
  /** The material's own rustfmt options (its `rustfmt.toml`). */
  rustfmt: string[]
  /** What the table says in its first two columns. */
  block: string
  attribute: string
  notes: string[]
}

export interface Prepared {
  plan: Plan
  target: string
  /** Files to write, by absolute path. */
  files: Map<string, string>
  /** A `[[bin]]` entry for the topic's manifest, when the program keeps an edition that is not its crate's. */
  binEntry: string | null
  expectation: Expectation
  notes: string[]
}

interface Probe {
  compiled: boolean
  firstError: string | null
  /** The error codes rustc gave. */
  codes: Set<string>
  /** Every error about the code (rustc's closing summaries left out): its code and message. */
  errors: { code: string | null, message: string }[]
  /** Warnings by lint, with the first line each fires on. */
  lints: Map<string, { line: number, text: string }>
  exe: string | null
}

/**
 * Compiles the code as the check will: clippy-driver, the edition, as a
 * program (or for tests). Under the other edition the check compiles with
 * rustc alone, and only its errors count: `tool` is then `rustc`.
 */
async function probe(file: string, edition: string, test: boolean, out: string, tool: 'clippy-driver' | 'rustc' = 'clippy-driver'): Promise<Probe> {
  const exe = join(out, test ? 'tests' : 'program')
  const result = await run(tool, ['--edition', edition, ...(test ? ['--test'] : ['--crate-type', 'bin']), '--error-format=json', '-o', exe, file], { env: { ...process.env, CARGO_TERM_COLOR: 'never' } })
    .catch(() => null)
  const lines = (await readFile(file, 'utf8')).split('\n')
  const found: Probe = { compiled: result?.exitCode === 0, firstError: null, codes: new Set(), errors: [], lints: new Map(), exe: result?.exitCode === 0 ? exe : null }
  for (const line of result?.stderr.split('\n') ?? []) {
    if (!line.startsWith('{'))
      continue
    const d = JSON.parse(line) as { level: string, message: string, code: { code: string } | null, spans: { line_start: number, is_primary: boolean }[] }
    const at = d.spans.find(s => s.is_primary)?.line_start ?? 0
    if (d.level === 'error' && d.code)
      found.codes.add(d.code.code)
    if (d.level === 'error' && d.spans.length)
      found.errors.push({ code: d.code?.code ?? null, message: d.message })
    if (d.level === 'error' && found.firstError === null && d.spans.length)
      found.firstError = `${d.code ? `${d.code.code}: ` : ''}${d.message} (line ${at})`
    if (d.level === 'warning' && d.code && /^[a-z_:]+$/.test(d.code.code) && !found.lints.has(d.code.code))
      found.lints.set(d.code.code, { line: at, text: (lines[at - 1] ?? '').trim() })
  }
  return found
}

interface Runs { stdouts: string[], stderrs: string[], exitCodes: (number | null)[], timedOut: boolean }

async function runTimes(exe: string, cwd: string): Promise<Runs> {
  const runs: Runs = { stdouts: [], stderrs: [], exitCodes: [], timedOut: false }
  for (let i = 0; i < IMPORT_RUNS; i++) {
    const r = await run(exe, [], { cwd, timeoutMs: 10_000, maxOutput: 256 * 1024, env: { ...process.env, RUST_BACKTRACE: '0' } })
    runs.stdouts.push(normalizeStdout(r.stdout))
    runs.stderrs.push(normalizeStderr(r.stderr, [cwd]))
    runs.exitCodes.push(r.exitCode)
    runs.timedOut ||= r.timedOut
  }
  return runs
}

/** `dbg!`'s line: `[src/main.rs:10:5] a = 10`. */
const DBG_LINE = /^\[[^\]\s]+:\d+:\d+\] /

/**
 * The transcript's printed lines that were the program's stdout: a
 * transcript shows stdout and stderr together, so lines the program writes
 * to stderr (`dbg!`, `eprintln!`) are taken out.
 */
export function transcriptStdout(recorded: string, stderr: string): { stdout: string, removed: number } {
  const errLines = new Set(stderr.split('\n').filter(Boolean))
  const lines = recorded.replace(/\n$/, '').split('\n')
  const kept = recorded === '' ? [] : lines.filter(l => !DBG_LINE.test(l) && !errLines.has(l))
  return { stdout: kept.length ? `${kept.join('\n')}\n` : '', removed: recorded === '' ? 0 : lines.length - kept.length }
}

/** The code with a `shown` region around the lines the page shows, so a slide can show just those. */
function withShownRegion(code: string, shown: number[] | null): string {
  if (!shown || shown.length === 0)
    return code
  const lines = code.replace(/\n$/, '').split('\n')
  const first = shown[0]! - 1
  const last = shown.at(-1)! - 1
  const indent = /^\s*/.exec(lines[first]!)![0]
  return `${[...lines.slice(0, first), markerLine('start', 'shown', indent), ...lines.slice(first, last + 1), markerLine('end', 'shown', indent), ...lines.slice(last + 1)].join('\n')}\n`
}

export async function prepareImport(plan: Plan, root: string, crateEdition: string, scratch: string): Promise<Prepared> {
  const workspace = join(root, 'snippets')
  const notes = [...plan.notes]
  let e = plan.expectation
  const place = e.kind === 'compile-error' || e.kind === 'ignore' ? 'fail' : 'bin'
  const target = place === 'fail' ? join(workspace, plan.topic, 'fail', `${plan.name}.rs`) : join(workspace, plan.topic, 'src', 'bin', `${plan.name}.rs`)
  if (existsSync(target))
    throw new LessonError(`${relative(root, target)} exists; pass another --name`)
  if (e.kind === 'ignore')
    notes.push('not built: kept in fail/, outside cargo\'s targets, shown as written and never judged')
  const code = withShownRegion(plan.code, plan.shown)
  if (plan.shown && plan.shown.length && plan.shown.at(-1)! - plan.shown[0]! + 1 > plan.shown.length)
    notes.push(`region \`shown\` holds the lines the page shows, and ${plan.shown.at(-1)! - plan.shown[0]! + 1 - plan.shown.length} hidden line(s) between them`)
  else if (plan.shown && plan.shown.length && plan.shown.length < plan.code.trimEnd().split('\n').length)
    notes.push('region `shown` holds the lines the page shows')
  const dir = await mkdtemp(join(scratch, `${plan.name}-`))
  const probeFile = join(dir, `${plan.name}.rs`)
  await writeFile(probeFile, code)

  const files = new Map<string, string>()
  let allow: string[] = []
  let other: Expectation | null = null
  if (e.kind !== 'ignore') {
    // The check builds every program's tests too: their lints count.
    const testing = e.kind === 'tests' || e.kind === 'test-fails' || (e.kind === 'compile-error' && e.test === true) || (place === 'bin' && /#\[test\]/.test(code))
    const program = await probe(probeFile, plan.edition, false, dir)
    const tests = testing ? await probe(probeFile, plan.edition, true, dir) : null
    const lints = new Map([...program.lints, ...tests?.lints ?? []])
    // The outcome under the other edition is looked for only where this edition keeps the promise so far.
    let promiseHolds = true
    let ownStdout: string | null = null
    if (place === 'fail') {
      const here = [...(tests ?? program).codes].sort()
      if (program.compiled && !(e.kind === 'compile-error' && e.test)) {
        notes.push('it compiles here: the check will fail its promise')
        promiseHolds = false
      }
      else if (e.kind === 'compile-error' && e.codes.length && here.join(' ') !== e.codes.join(' ')) {
        notes.push(`this rustc gives ${here.join(' ') || 'errors without codes'} where the transcript recorded ${e.codes.join(' ')}: the check will say so`)
      }
    }
    else if (!program.compiled) {
      notes.push(`it does not compile here (${program.firstError ?? 'no error named'}): the check will fail it`)
      promiseHolds = false
    }
    else {
      allow = allowedLints(plan, lints, notes)
      if (e.kind === 'runs' || e.kind === 'panics') {
        const runs = await runTimes(program.exe!, dir)
        e = await observeRuns(plan, e, runs, files, workspace, notes)
        // What the check compares the other edition's run with: this run's stdout, when one is expected.
        ownStdout = files.has(join(workspace, plan.topic, 'expected', `${plan.name}.stdout`)) ? runs.stdouts[0]! : null
      }
    }
    if (promiseHolds)
      other = await observeOtherEdition(plan, e, probeFile, dir, ownStdout, files, workspace, notes)
  }

  // Formatting: the kit's style, or the material's own when it is formatted in that.
  const header = [
    `//! source: ${plan.provenance}`,
    '//!',
    `//! expect: ${describeExpectation(e)}`,
    ...(allow.length ? [`//! allow: ${allow.join(' ')}`] : []),
    ...(plan.edition !== DEFAULT_EDITION ? [`//! edition: ${plan.edition}`] : []),
    ...(other ? [`//! expect-${otherEditionOf(plan.edition)}: ${describeExpectation(other)}`] : []),
  ]
  let text = `${header.join('\n')}\n${code}`
  if (e.kind !== 'ignore') {
    const kit = await rustfmtCheck(probeFile, text, plan.edition, [])
    if (kit !== null && plan.rustfmt.length && await rustfmtCheck(probeFile, text, plan.edition, plan.rustfmt) === null) {
      header.push(`//! rustfmt: ${plan.rustfmt.join(' ')}`)
      text = `${header.join('\n')}\n${code}`
      notes.push(`formatted in its material's own style (rustfmt.toml: ${plan.rustfmt.join(', ')}), kept as written`)
    }
    else if (kit !== null) {
      const own = plan.rustfmt.length ? await rustfmtCheck(probeFile, text, plan.edition, plan.rustfmt) : kit
      if (own === 'unparsable') {
        notes.push('rustfmt cannot parse it: the check will fail it on formatting')
      }
      else {
        if (plan.rustfmt.length)
          header.push(`//! rustfmt: ${plan.rustfmt.join(' ')}`)
        text = await rustfmt(probeFile, `${header.join('\n')}\n${code}`, plan.edition, plan.rustfmt)
        notes.push(`rustfmt changed it from line ${own}: not formatted as written${plan.rustfmt.length ? ' even in its own style' : ''}`)
      }
    }
  }
  files.set(target, text)

  let binEntry: string | null = null
  if (place === 'bin' && plan.edition !== crateEdition) {
    binEntry = [
      `# ${plan.topic}/${plan.name} keeps its material's edition (npm run import).`,
      '[[bin]]',
      `name = "${plan.topic}-${plan.name}"`,
      `path = "src/bin/${plan.name}.rs"`,
      `edition = "${plan.edition}"`,
    ].join('\n')
    notes.push(`edition ${plan.edition}, kept through its own \`[[bin]]\` entry (the crate is ${crateEdition})`)
  }
  else if (place === 'fail' && plan.edition !== DEFAULT_EDITION) {
    notes.push(`edition ${plan.edition}: a snippet in fail/ is compiled alone, in its own edition`)
  }
  return { plan, target, files, binEntry, expectation: e, notes }
}

/** A message as a header quotes it: its first line, up to any double quote. */
export function quotable(message: string | null): string | null {
  const text = (message ?? '').split('\n')[0]!.split('"')[0]!.trim()
  return text || null
}

/** The `compile-error` promise these errors keep: their codes, and the message of one without a code. */
export function brokenAs(errors: Probe['errors'], test: boolean): Expectation & { kind: 'compile-error' } {
  const codes = [...new Set(errors.map(x => x.code).filter((c): c is string => c !== null))].sort()
  const message = quotable(errors.find(x => x.code === null)?.message ?? null)
  return { kind: 'compile-error', codes, ...(message ? { message } : {}), ...(test ? { test: true as const } : {}) }
}

/** Whether these errors keep a `compile-error` promise as the check judges one (`judgeBroken`). */
export function brokenHolds(e: Expectation & { kind: 'compile-error' }, errors: Probe['errors']): boolean {
  if (e.codes.length === 0 && e.message === undefined)
    return true
  const codes = [...new Set(errors.map(x => x.code).filter((c): c is string => c !== null))].sort()
  return codes.join(' ') === e.codes.join(' ')
    && (e.message === undefined || errors.some(x => x.message.includes(e.message!)))
    && errors.every(x => x.code !== null || (e.message !== undefined && x.message.includes(e.message)))
}

/**
 * The check also compiles every snippet under the other edition (rustc
 * alone, errors only) and runs it as its promise says; an outcome there
 * that differs and is not declared fails it. This finds that outcome the
 * same way and returns what `//! expect-<other>:` must declare (writing
 * `expected/<name>.<other>.stdout` for a declared run whose output is
 * stable), or null when the promise holds there too.
 */
async function observeOtherEdition(plan: Plan, e: Expectation, file: string, dir: string, ownStdout: string | null, files: Map<string, string>, workspace: string, notes: string[]): Promise<Expectation | null> {
  const other = otherEditionOf(plan.edition)
  const out = join(dir, other)
  await mkdir(out, { recursive: true })
  const forTests = e.kind === 'tests' || e.kind === 'test-fails' || (e.kind === 'compile-error' && e.test === true)
  const program = await probe(file, other, false, out, 'rustc')
  const built = forTests && program.compiled ? await probe(file, other, true, out, 'rustc') : program
  let found: Expectation | null = null
  let stdout: string | null = null
  if (!built.compiled) {
    const holds = e.kind === 'compile-error' && !(e.test && !program.compiled) && brokenHolds(e, built.errors)
    if (!holds)
      found = brokenAs(built.errors, built !== program)
    if (!holds && new Set(built.errors.filter(x => x.code === null).map(x => quotable(x.message))).size > 1)
      notes.push(`under edition ${other} rustc gives several errors without a code; the declaration quotes the first only, and the check will name the others`)
  }
  else if (e.kind === 'builds') {
    found = null
  }
  else if (forTests) {
    const r = await run(built.exe!, [], { cwd: out, timeoutMs: 10_000, maxOutput: 256 * 1024, env: { ...process.env, RUST_BACKTRACE: '0' } })
    if (r.exitCode === 0) {
      found = e.kind === 'tests' ? null : { kind: 'tests' }
    }
    else if (!(e.kind === 'test-fails' && r.stdout.includes(e.message))) {
      const message = quotable(panicMessage(r.stdout))
      if (message)
        found = { kind: 'test-fails', message }
      else
        notes.push(`under edition ${other} its tests fail without a panic message to quote: the check will fail it`)
    }
  }
  else {
    const runs = await runTimes(built.exe!, out)
    const panicked = quotable(runs.stderrs.map(panicMessage).find(m => m !== null) ?? null)
    const stable = new Set(runs.stdouts).size === 1
    if (runs.timedOut) {
      notes.push(`under edition ${other} it ran past 10 s: the check will fail it`)
    }
    else if (panicked !== null) {
      if (!(e.kind === 'panics' && (e.message === undefined || panicked.includes(e.message)))) {
        found = { kind: 'panics', message: panicked }
      }
      else if (ownStdout !== null && !(stable && runs.stdouts[0] === ownStdout)) {
        // The same panic, but another output before it.
        found = e
        stdout = stable ? runs.stdouts[0]! : null
      }
    }
    else if (runs.exitCodes.some(c => c !== 0)) {
      notes.push(`under edition ${other} it exited with ${runs.exitCodes.find(c => c !== 0)}: the check will fail it`)
    }
    else if (!(e.kind === 'runs' && (e.varies || (stable && runs.stdouts[0] === ownStdout)))) {
      found = { kind: 'runs', varies: !stable }
      stdout = stable ? runs.stdouts[0]! : null
    }
  }
  if (!found)
    return null
  if (stdout !== null)
    files.set(join(workspace, plan.topic, 'expected', `${plan.name}.${other}.stdout`), stdout)
  notes.push(`under edition ${other}, in which the check also compiles it, it gives \`${describeExpectation(found)}\`: declared with \`//! expect-${other}:\`${stdout !== null ? `, its stdout in expected/${plan.name}.${other}.stdout` : ''}`)
  return found
}

/** Which lints to allow, each said why; the rest stay denied and are said too. */
function allowedLints(plan: Plan, lints: Map<string, { line: number, text: string }>, notes: string[]): string[] {
  const allow: string[] = []
  const denied: string[] = []
  for (const [lint, { text }] of [...lints].sort(([a], [b]) => a.localeCompare(b))) {
    const at = `on \`${text.length > 40 ? `${text.slice(0, 40)}…` : text}\``
    if (lint.startsWith('clippy::')) {
      allow.push(lint)
      notes.push(`allowed ${lint}: it fires on the example's own point (${at}); the material is not linted with clippy`)
    }
    else if (plan.tested === 'transcript' && plan.warnedLints.includes(lint)) {
      allow.push(lint)
      notes.push(`allowed ${lint}: the transcript shows it as a warning`)
    }
    else if (plan.tested === 'transcript' && BOOK_ALLOWS.includes(lint)) {
      allow.push(lint)
      notes.push(`allowed ${lint}: the code raises it, and the Rust Book records its listings with \`-A ${lint}\``)
    }
    else if (plan.tested === 'rustdoc' && UNUSED_GROUP.has(lint)) {
      allow.push(lint)
      notes.push(`allowed ${lint} (${at}): rustdoc compiles examples with \`#![allow(unused)]\``)
    }
    else {
      denied.push(lint)
    }
  }
  if (denied.length)
    notes.push(`not allowed: ${denied.join(', ')}; the check will fail on ${denied.length > 1 ? 'them' : 'it'} until the code or its header changes`)
  return allow.sort()
}

/** The promise once the program has been run several times. */
async function observeRuns(plan: Plan, e: Expectation, runs: Runs, files: Map<string, string>, workspace: string, notes: string[]): Promise<Expectation> {
  const stdoutFile = join(workspace, plan.topic, 'expected', `${plan.name}.stdout`)
  const distinct = new Set(runs.stdouts).size
  const stderrLines = runs.stderrs[0]!.split('\n').filter(l => l && !/^thread '|^note: run with/.test(l)).length
  if (stderrLines && panicMessage(runs.stderrs[0]!) === null)
    notes.push(`it writes ${stderrLines} line${stderrLines > 1 ? 's' : ''} to stderr (\`dbg!\`, \`eprintln!\`): never compared as stdout`)
  const panicked = runs.stderrs.map(panicMessage)
  if (e.kind === 'runs') {
    if (runs.timedOut) {
      notes.push('it ran past 10 s here: the check will fail it')
    }
    else if (runs.exitCodes.some(c => c !== 0)) {
      const message = panicked.find(m => m !== null)
      notes.push(`it exited with ${runs.exitCodes.find(c => c !== 0)}${message ? ` (panicked with "${message}")` : ''} here: the check will fail it`)
    }
    if (distinct > 1) {
      notes.push(`its output varied: ${distinct} different outputs in ${IMPORT_RUNS} runs, so it is recorded, not compared`)
      return { kind: 'runs', varies: true }
    }
    if (e.varies)
      return e
  }
  else if (e.kind === 'panics') {
    if (!panicked.some(Boolean))
      notes.push('it did not panic here: the check will fail it')
    else if (e.message === undefined)
      notes.push(`it panics with "${panicked.find(Boolean)}" (any panic keeps the promise)`)
    if (distinct > 1) {
      notes.push(`what it prints before panicking varied (${distinct} outputs in ${IMPORT_RUNS} runs): not compared`)
      return e
    }
  }
  const observed = runs.stdouts[0]!
  let expected = observed
  if (plan.transcriptStdout !== null) {
    const read = transcriptStdout(plan.transcriptStdout, runs.stderrs[0]!)
    expected = read.stdout
    if (read.removed)
      notes.push(`${read.removed} line${read.removed > 1 ? 's' : ''} of the transcript went to stderr (\`dbg!\`, \`eprintln!\`): left out of the expected stdout`)
    if (expected !== observed)
      notes.push('this rustc\'s run prints otherwise than the transcript: the check will say where')
  }
  if (expected === '')
    notes.push('it prints nothing: it promises empty stdout')
  files.set(stdoutFile, expected)
  return e
}

/** null when formatted; else the first line rustfmt would change, or `unparsable`. */
async function rustfmtCheck(probeFile: string, text: string, edition: string, config: readonly string[]): Promise<number | 'unparsable' | null> {
  const file = `${probeFile.slice(0, -3)}-fmt.rs`
  await writeFile(file, text)
  const result = await run('rustfmt', ['--check', '--edition', edition, '--color', 'never', ...(config.length ? ['--config', config.join(',')] : []), file])
  if (result.exitCode === 0)
    return null
  const first = [...firstChangedLines(result.stdout).values()][0]
  return first ?? 'unparsable'
}

async function rustfmt(probeFile: string, text: string, edition: string, config: readonly string[]): Promise<string> {
  const file = `${probeFile.slice(0, -3)}-fmt.rs`
  await writeFile(file, text)
  await run('rustfmt', ['--edition', edition, ...(config.length ? ['--config', config.join(',')] : []), file])
  return readFile(file, 'utf8')
}

/**
 * Writes every prepared snippet, its expected stdout and its topic's
 * `[[bin]]` entries. Every target is checked first, so a clash writes nothing.
 */
export async function writeImports(prepared: readonly Prepared[], root: string): Promise<void> {
  const seen = new Set<string>()
  for (const p of prepared) {
    for (const path of p.files.keys()) {
      if (existsSync(path) || seen.has(path))
        throw new LessonError(`${relative(root, path)} exists; pass another --name`)
      seen.add(path)
    }
  }
  const manifests = new Map<string, string[]>()
  for (const p of prepared.filter(p => p.binEntry)) {
    const manifest = join(root, 'snippets', p.plan.topic, 'Cargo.toml')
    manifests.set(manifest, [...manifests.get(manifest) ?? [], p.binEntry!])
  }
  for (const [manifest, entries] of manifests) {
    const toml = await readFile(manifest, 'utf8')
    const names = new Set(binEntries(toml).map(b => b.name))
    for (const entry of entries) {
      const name = /name = "([^"]+)"/.exec(entry)![1]!
      if (names.has(name))
        throw new LessonError(`${relative(root, manifest)}: a \`[[bin]]\` named \`${name}\` exists; pass another --name`)
    }
  }
  for (const p of prepared) {
    for (const [path, text] of p.files) {
      await mkdir(dirname(path), { recursive: true })
      await writeFile(path, text)
    }
  }
  for (const [manifest, entries] of manifests) {
    const toml = await readFile(manifest, 'utf8')
    await writeFile(manifest, `${toml.replace(/\n*$/, '\n')}\n${entries.join('\n\n')}\n`)
  }
}

/** The scratch folder for probes, under the check's target directory. */
export function scratchDir(root: string): string {
  return checkTargetDir(join(root, 'snippets'), 'import')
}

/** `rm -rf` of the probes, once done. */
export async function removeScratch(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true })
}
