import type { Diagnostic, DiagnosticSpan } from '../../core/snippet-data.ts'
/**
 * The Rust side of the check: one workspace build that is also the clippy
 * run, and the rustc runs of snippets that must not compile.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative, resolve } from 'node:path'
import { LessonError } from '../../core/errors.ts'
import { buildProgress, countUnits } from './build-progress.ts'
import { run } from './process.ts'

export interface BuildOutput {
  success: boolean
  /** Executables by source file (absolute path): the program, and its unit-test binary. */
  executables: Map<string, { bin?: string, test?: string }>
  /** Diagnostics by source file of the target that produced them (absolute path). */
  diagnostics: Map<string, Diagnostic[]>
  /** Where each diagnostic's primary span points, `file:line` from the workspace root. */
  locations: Map<Diagnostic, string>
  command: string
  stderr: string
  /** The workspace's libraries as rustc links them: crate name (`lesson_rc`, `trace`) to its `.rlib`. */
  libraries: Map<string, string>
}

interface CargoMessage {
  reason: string
  target?: { kind: string[], src_path: string, name?: string }
  profile?: { test: boolean }
  executable?: string | null
  filenames?: string[]
  success?: boolean
  message?: {
    level: string
    message: string
    code: { code: string } | null
    rendered: string | null
    spans: RustcSpan[]
  }
}

interface RustcSpan {
  file_name: string
  line_start: number
  line_end: number
  column_start: number
  column_end: number
  is_primary: boolean
  label: string | null
}

function toDiagnostic(m: NonNullable<CargoMessage['message']>): Diagnostic {
  const spans: DiagnosticSpan[] = m.spans.map(s => ({
    file: s.file_name,
    lineStart: s.line_start,
    lineEnd: s.line_end,
    columnStart: s.column_start,
    columnEnd: s.column_end,
    label: s.label,
    primary: s.is_primary,
  }))
  return { level: m.level, code: m.code?.code ?? null, message: m.message, rendered: m.rendered ?? '', spans }
}

export async function rustcVersion(): Promise<string> {
  const result = await run('rustc', ['--version'])
  if (result.exitCode !== 0)
    throw new LessonError(`\`rustc --version\` failed: ${result.stderr.trim()}`)
  return result.stdout.trim()
}

/**
 * The environment of the check's workspace build (`buildWorkspace`). A
 * `cargo build` of some of its programs under the same environment reuses
 * what the check built (nothing is compiled again when the sources did not
 * change) instead of compiling them a second time elsewhere.
 */
export function checkBuildEnv(workspace: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    RUSTC_WORKSPACE_WRAPPER: 'clippy-driver',
    // Lints stay warnings here, so a program that may trigger one
    // (`//! allow: dead_code`) still builds and runs; the check then
    // fails every warning its header does not allow, which is what
    // `-D warnings -A <allowed>` would do for that snippet alone.
    RUSTFLAGS: '',
    CARGO_TARGET_DIR: checkTargetDir(workspace),
    CARGO_TERM_COLOR: 'never',
    CARGO_INCREMENTAL: '0',
    CARGO_PROFILE_DEV_DEBUG: '0',
    CARGO_PROFILE_TEST_DEBUG: '0',
  }
}

/**
 * Builds every target of the workspace, programs and unit-test binaries alike,
 * through `clippy-driver`: the same compile is the lint.
 * Its own target directory keeps these flags from invalidating a plain
 * `cargo build` in `snippets/target`.
 *
 * Every program is built twice (as itself and as its unit-test binary), so
 * linking dominates: without debug info and incremental state it takes
 * half the time. Nobody debugs these binaries, a panic still names its
 * file and line, and the check caches its own results by content.
 */
export async function buildWorkspace(workspace: string, log: (line: string) => void): Promise<BuildOutput> {
  const clippy = await run('clippy-driver', ['--version']).catch(() => null)
  if (!clippy || clippy.exitCode !== 0)
    throw new LessonError('`clippy-driver` was not found: install clippy (`rustup component add clippy`)')
  const args = ['build', '--workspace', '--all-targets', '--keep-going', '--message-format=json-diagnostic-rendered-ansi']
  const command = `cargo ${args.join(' ')}`
  log(`> ${command}  (clippy-driver)`)
  const progress = buildProgress('check: cargo', await unitCount(workspace))
  const result = await run('cargo', args, {
    cwd: workspace,
    onStdout: progress.feed,
    env: checkBuildEnv(workspace),
  })
  const { built, fresh, total } = progress.end()
  log(`cargo: ${built - fresh} compiled, ${fresh} up to date${total !== null && built < total ? `, ${total - built} not built` : ''} in ${(result.durationMs / 1000).toFixed(1)} s`)
  const out: BuildOutput = {
    success: false,
    executables: new Map(),
    diagnostics: new Map(),
    locations: new Map(),
    command,
    stderr: result.stderr,
    libraries: new Map(),
  }
  const seen = new Set<string>()
  for (const line of result.stdout.split('\n')) {
    if (!line.startsWith('{'))
      continue
    const msg = JSON.parse(line) as CargoMessage
    if (msg.reason === 'build-finished') {
      out.success = msg.success === true
    }
    else if (msg.reason === 'compiler-artifact' && msg.target?.kind.includes('lib') && !msg.profile?.test) {
      const rlib = msg.filenames?.find(f => f.endsWith('.rlib'))
      if (rlib && msg.target.name)
        out.libraries.set(msg.target.name.replace(/-/g, '_'), rlib)
    }
    else if (msg.reason === 'compiler-artifact' && msg.executable && msg.target) {
      const entry = out.executables.get(msg.target.src_path) ?? {}
      if (msg.profile?.test)
        entry.test = msg.executable
      else entry.bin = msg.executable
      out.executables.set(msg.target.src_path, entry)
    }
    else if (msg.reason === 'compiler-message' && msg.message && msg.target) {
      const m = msg.message
      // A bin is compiled twice (program and tests): report each diagnostic once.
      if (!m.rendered || seen.has(m.rendered) || m.level === 'failure-note')
        continue
      seen.add(m.rendered)
      const diagnostic = toDiagnostic(m)
      const list = out.diagnostics.get(msg.target.src_path) ?? []
      list.push(diagnostic)
      out.diagnostics.set(msg.target.src_path, list)
      const primary = m.spans.find(s => s.is_primary) ?? m.spans[0]
      if (primary)
        out.locations.set(diagnostic, `${primary.file_name}:${primary.line_start}`)
    }
  }
  return out
}

/**
 * Where the check builds: `check/` under the target directory, which is
 * `$CARGO_TARGET_DIR` when set (a shared or faster disk), else `snippets/target`.
 */
export function checkTargetDir(workspace: string, sub = 'check'): string {
  const shared = process.env.CARGO_TARGET_DIR
  return join(shared ? resolve(workspace, shared) : join(workspace, 'target'), sub)
}

/** How many units the workspace build compiles, for its progress; null when cargo cannot say. */
async function unitCount(workspace: string): Promise<number | null> {
  const result = await run('cargo', ['metadata', '--no-deps', '--format-version', '1', '--offline'], { cwd: workspace }).catch(() => null)
  if (!result || result.exitCode !== 0)
    return null
  try {
    return countUnits((JSON.parse(result.stdout) as { packages: Parameters<typeof countUnits>[0] }).packages)
  }
  catch {
    return null
  }
}

/**
 * Compiles one must-not-compile snippet on its own, as rustc would for a
 * learner, and returns its diagnostics. Run from the workspace root with a
 * relative path so the rendered text names `rc/fail/x.rs` on every machine.
 *
 * A first pass stops after type and borrow checking (`--emit=metadata`),
 * where nearly every error the lesson shows is found, and skips code
 * generation. Only when that pass finds no error is the snippet compiled in
 * full: some errors appear only then (E0080 from a `const` assertion
 * evaluated for one generic argument, at monomorphization), and a snippet
 * is called compiling only once the whole compile succeeded.
 */
export async function compileAlone(workspace: string, file: string, options: CompileOptions = {}): Promise<AloneCompile> {
  const dir = options.outDir ?? await mkdtemp(join(tmpdir(), 'lesson-rustc-'))
  try {
    const flags = [
      '--edition',
      options.edition ?? '2024',
      // `--test` builds the unit-test harness, with the `#[cfg(test)]` code.
      ...(options.test ? ['--test'] : ['--crate-type', 'bin']),
      ...options.flags ?? [],
    ]
    // A snippet expected to compile goes straight to the full compile (`direct`).
    const checked = options.direct ? null : await rustcJson(workspace, file, dir, [...flags, '--emit=metadata'])
    if (checked && !checked.compiled)
      return checked
    const linked = await rustcJson(workspace, file, dir, [...flags, '--emit=link'])
    return options.outDir && linked.compiled ? { ...linked, executable: join(dir, 'snippet') } : linked
  }
  finally {
    if (!options.outDir)
      await rm(dir, { recursive: true, force: true })
  }
}

export interface CompileOptions {
  /** `2024` unless the snippet says otherwise. */
  edition?: string
  /** Compile for tests (`rustc --test`) rather than as a program. */
  test?: boolean
  /** More rustc flags, e.g. `--extern` for the workspace's libraries. */
  flags?: readonly string[]
  /** Keep the executable here (the caller removes the folder); without it nothing is kept. */
  outDir?: string
  /** Skip the type-checking pass: for code expected to compile, whose errors the full compile reports as well. */
  direct?: boolean
}

export interface AloneCompile {
  diagnostics: Diagnostic[]
  compiled: boolean
  /** Line of each diagnostic's primary span. */
  locations: Map<Diagnostic, number>
  /** With `outDir`: the executable, when it compiled. */
  executable?: string
}

async function rustcJson(workspace: string, file: string, dir: string, flags: string[]): Promise<AloneCompile> {
  const result = await run('rustc', [
    ...flags,
    '--crate-name',
    'snippet',
    '--error-format=json',
    '--json=diagnostic-rendered-ansi',
    '--out-dir',
    dir,
    relative(workspace, file),
  ], { cwd: workspace, env: { ...process.env, CARGO_TERM_COLOR: 'never' } })
  const diagnostics: Diagnostic[] = []
  const locations = new Map<Diagnostic, number>()
  for (const line of result.stderr.split('\n')) {
    if (!line.startsWith('{'))
      continue
    const m = JSON.parse(line) as NonNullable<CargoMessage['message']>
    if (!m.rendered || m.level === 'failure-note')
      continue
    // rustc's closing summaries ("aborting due to …") are not about the code.
    if (m.spans.length === 0 && /^aborting due to|^For more information|^\d+ warnings? emitted/.test(m.message))
      continue
    const d = toDiagnostic(m)
    diagnostics.push(d)
    const primary = m.spans.find(s => s.is_primary) ?? m.spans[0]
    if (primary)
      locations.set(d, primary.line_start)
  }
  return { diagnostics, compiled: result.exitCode === 0, locations }
}

/** The edition a topic crate builds with: its own `edition`, or the workspace's. */
export async function crateEdition(workspace: string, crate: string): Promise<string> {
  const own = manifestEdition(await readFile(join(workspace, crate, 'Cargo.toml'), 'utf8'), 'package')
  if (own)
    return own
  return manifestEdition(await readFile(join(workspace, 'Cargo.toml'), 'utf8'), 'workspace.package') ?? '2015'
}

/** The `edition` of one table of a manifest (`package`, `workspace.package`), not a `[[bin]]`'s own. */
export function manifestEdition(toml: string, table: string): string | null {
  const section = toml.split(/^(?=\[)/m).find(s => s.startsWith(`[${table}]`))
  return section ? /^edition\s*=\s*"(\d{4})"/m.exec(section)?.[1] ?? null : null
}

/** One `[[bin]]` entry of a crate's manifest, as far as the kit reads it. */
export interface BinEntry { name: string, path: string, edition: string | null }

/** The `[[bin]]` entries of a manifest's text: name, path and per-target `edition`. */
export function binEntries(toml: string): BinEntry[] {
  const entries: BinEntry[] = []
  for (const section of toml.split(/^(?=\[)/m)) {
    if (!section.startsWith('[[bin]]'))
      continue
    const value = (key: string) => new RegExp(`^${key}\\s*=\\s*"([^"]*)"`, 'm').exec(section)?.[1] ?? null
    const name = value('name')
    const path = value('path')
    if (name && path)
      entries.push({ name, path, edition: value('edition') })
  }
  return entries
}

/**
 * The edition each program of a crate builds with, by its path from the
 * crate (`src/bin/x.rs`): its `[[bin]]` entry's own `edition` (one the kit
 * manages for imported material), else the crate's.
 */
export async function programEditions(workspace: string, crate: string): Promise<{ crate: string, own: Map<string, string> }> {
  const own = new Map<string, string>()
  for (const entry of binEntries(await readFile(join(workspace, crate, 'Cargo.toml'), 'utf8'))) {
    if (entry.edition)
      own.set(entry.path.replace(/^\.\//, ''), entry.edition)
  }
  return { crate: await crateEdition(workspace, crate), own }
}

/**
 * `rustfmt --check` on the given files, in the given edition's style;
 * returns the files it would change (value: the first line), and those it
 * cannot parse (value: the line, a tab, and rustfmt's message).
 */
export async function rustfmtCheck(workspace: string, files: readonly string[], edition = '2024', config: readonly string[] = []): Promise<Map<string, string>> {
  const unformatted = new Map<string, string>()
  if (files.length === 0)
    return unformatted
  const result = await run('rustfmt', ['--check', '--edition', edition, '--color', 'never', ...(config.length ? ['--config', config.join(',')] : []), ...files.map(f => relative(workspace, f))], { cwd: workspace })
  if (result.exitCode === 0)
    return unformatted
  for (const [file, line] of firstChangedLines(result.stdout)) {
    const path = file.startsWith('/') ? file : join(workspace, file)
    if (!unformatted.has(path))
      unformatted.set(path, `${line}`)
  }
  // A file rustfmt cannot parse in this edition: "error: …" then " --> path:6:8".
  // Its value is `line<TAB>rustfmt's message`.
  for (const m of result.stderr.matchAll(/^error: (.*)\n\s*--> (.+?):(\d+):\d+$/gm)) {
    const file = m[2]!.startsWith('/') ? m[2]! : join(workspace, m[2]!)
    if (!unformatted.has(file))
      unformatted.set(file, `${m[3]}\t${m[1]}`)
  }
  if (unformatted.size === 0)
    throw new LessonError(`rustfmt failed:\n${result.stderr || result.stdout}`)
  return unformatted
}

/**
 * The first line rustfmt would change in each file of its `--check` output.
 * Each hunk opens with "Diff in /abs/path/file.rs:12:", where 12 is the hunk's
 * first line, context included; the change is after the context lines.
 */
export function firstChangedLines(stdout: string): Map<string, number> {
  const first = new Map<string, number>()
  const parts = stdout.split(/^Diff in (.+?):(\d+):\s*$/m)
  for (let i = 1; i < parts.length; i += 3) {
    const hunk = parts[i + 2]!.replace(/^\n/, '').split('\n')
    const context = hunk.findIndex(l => l.startsWith('-') || l.startsWith('+'))
    const line = Number(parts[i + 1]) + Math.max(context, 0)
    if (!first.has(parts[i]!))
      first.set(parts[i]!, line)
  }
  return first
}
