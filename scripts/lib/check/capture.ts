import type { RawTraceEvent, RunCapture, TestCapture } from '../../../core/snippet-data.ts'
import type { AloneCompile, BuildOutput } from '../cargo.ts'
import type { Capture } from '../compare.ts'
import type { Snippet } from '../snippets.ts'
import type { CachedCapture } from './cache.ts'
/**
 * The capture phase: what rustc, clippy, the programs and their tests
 * really did, for the snippets the cache could not answer. Programs are
 * built once with cargo (through clippy-driver), then run with the recorder
 * on; snippets that must not compile are compiled one by one.
 */
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { availableParallelism, tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { readTraceLines, TraceError } from '../../../core/trace.ts'
import { buildWorkspace, compileAlone, rustfmtCheck } from '../cargo.ts'
import { parseTestOutput } from '../libtest.ts'
import { normalizeStderr, normalizeStdout, normalizeTestOutput } from '../normalize.ts'
import { mapLimit, run } from '../process.ts'
import { captureOtherEdition, optLevels } from './other-edition.ts'

export interface CaptureOptions {
  root: string
  log: (line: string) => void
  /** Time limit for one program run. */
  runTimeoutMs: number
}

export interface CapturePhase {
  captures: Map<Snippet, CachedCapture>
  /** Failures not tied to one snippet: support code, clashing binaries. */
  problems: string[]
}

/**
 * Captures every snippet in `stale`; `all` are every snippet found, and
 * `unread` the snippet files whose header could not be read (each already
 * one error of its own), to tell support code from snippets.
 */
export async function captureSnippets(stale: readonly Snippet[], all: readonly Snippet[], options: CaptureOptions, unread: readonly string[] = []): Promise<CapturePhase> {
  const workspace = join(options.root, 'snippets')
  const phase: CapturePhase = { captures: new Map(), problems: [] }
  // rustfmt formats each snippet in the style of its own edition, and of
  // its material's own options when it was imported with them. A snippet
  // shown as its source has it (`ignore`) is never formatted.
  const unformatted = new Map<string, string>()
  const styles = new Map<string, Snippet[]>()
  for (const s of stale.filter(s => s.expectation.kind !== 'ignore')) {
    const style = [s.edition, ...s.rustfmt].join(' ')
    styles.set(style, [...styles.get(style) ?? [], s])
  }
  for (const group of styles.values()) {
    for (const [file, line] of await rustfmtCheck(workspace, group.map(s => s.path), group[0]!.edition, group[0]!.rustfmt))
      unformatted.set(file, line)
  }
  const skipped = stale.filter(s => s.expectation.kind === 'ignore')
  for (const s of skipped)
    phase.captures.set(s, { capture: { diagnostics: [], locations: [], compiled: false, run: null, tests: null, trace: null, unformattedLine: null }, durationMs: 0 })
  const bins = stale.filter(s => s.place === 'bin' && !skipped.includes(s))
  const fails = stale.filter(s => s.place === 'fail' && !skipped.includes(s))
  if (bins.length)
    await capturePrograms(bins, all, unformatted, phase, options, unread)
  if (fails.length) {
    options.log(`compiling ${fails.length} snippets that must not compile, each under both editions`)
    const other = { workspace, libraries: new Map<string, string>(), optLevels: new Map<string, string>(), runProgram: (exe: string, id: string) => runProgram(id, exe, workspace, options.root, options.runTimeoutMs), runTests: (exe: string) => runTests(exe, workspace, options.root) }
    await mapLimit(fails, availableParallelism(), async (s) => {
      const t0 = performance.now()
      const e = s.expectation
      const where = (r: AloneCompile) => r.diagnostics.map(d => `${s.file}:${r.locations.get(d) ?? 1}`)
      // `compile-error (test)`: it must compile as a program, and fail only with its tests.
      const program = e.kind === 'compile-error' && e.test ? await compileAlone(workspace, s.path, { edition: s.edition }) : null
      const result = program && !program.compiled ? program : await compileAlone(workspace, s.path, { edition: s.edition, test: Boolean(program) })
      phase.captures.set(s, {
        capture: {
          diagnostics: result.diagnostics,
          locations: where(result),
          compiled: result.compiled,
          run: null,
          tests: null,
          trace: null,
          unformattedLine: unformattedLine(unformatted, s.path),
          ...rustfmtError(unformatted, s.path),
          ...(program ? { program: { compiled: program.compiled, diagnostics: program.diagnostics, locations: where(program) } } : {}),
        },
        other: await captureOtherEdition(s, other),
        durationMs: performance.now() - t0,
      })
    })
  }
  return phase
}

async function capturePrograms(bins: readonly Snippet[], all: readonly Snippet[], unformatted: Map<string, string>, phase: CapturePhase, options: CaptureOptions, unread: readonly string[]): Promise<void> {
  const { root, log } = options
  const workspace = join(root, 'snippets')
  const build = await buildWorkspace(workspace, log)
  // A snippet whose header could not be read is still a snippet, not support code.
  const snippetPaths = new Set([...all.map(s => s.path), ...unread])
  phase.problems.push(...supportProblems(build, snippetPaths, workspace), ...clashingBinaries(build.executables, workspace))
  const supportTests = [...build.executables].filter(([src, e]) => !snippetPaths.has(src) && e.test)
  log(`running ${bins.length} programs and their tests, and ${supportTests.length} support test binaries`)
  for (const [src, exe] of supportTests) {
    const tests = await runTests(exe.test!, workspace, root)
    if (tests.failed > 0)
      phase.problems.push(`snippets/${relative(workspace, src)}:1: ${tests.failed} tests failed\n${tests.output}`)
  }
  const other = { workspace, libraries: build.libraries, optLevels: await optLevels(workspace), runProgram: (exe: string, id: string) => runProgram(id, exe, workspace, root, options.runTimeoutMs), runTests: (exe: string) => runTests(exe, workspace, root) }
  log(`compiling and running ${bins.length} programs under their other edition too`)
  await mapLimit(bins, availableParallelism(), async (s) => {
    const t0 = performance.now()
    const exe = build.executables.get(s.path) ?? {}
    const diagnostics = build.diagnostics.get(s.path) ?? []
    const compiled = Boolean(exe.bin) && !diagnostics.some(d => d.level === 'error')
    const capture: Capture = {
      diagnostics,
      locations: diagnostics.map(d => `snippets/${build.locations.get(d) ?? `${relative(workspace, s.path)}:1`}`),
      compiled,
      run: null,
      tests: null,
      trace: null,
      unformattedLine: unformattedLine(unformatted, s.path),
      ...rustfmtError(unformatted, s.path),
      binName: exe.bin?.slice(exe.bin.lastIndexOf('/') + 1),
    }
    if (compiled) {
      if (exe.test)
        capture.tests = await runTests(exe.test, workspace, root)
      if (s.expectation.kind === 'runs' || s.expectation.kind === 'panics') {
        const result = await runProgram(s.id, exe.bin!, workspace, root, options.runTimeoutMs)
        capture.run = result.run
        capture.trace = result.trace
        if (result.traceError)
          capture.traceError = result.traceError
      }
    }
    // The other edition needs the workspace's libraries, which a failed build may lack;
    // a build that succeeded made them all, even when the workspace has none.
    const otherCapture = build.success || build.libraries.size ? await captureOtherEdition(s, other) : undefined
    phase.captures.set(s, { capture, ...(otherCapture ? { other: otherCapture } : {}), durationMs: performance.now() - t0 })
  })
}

/** Errors and lints in support code (the recorder, a topic's lib.rs), and a build that failed without saying why. */
export function supportProblems(build: Pick<BuildOutput, 'diagnostics' | 'locations' | 'success' | 'command' | 'stderr'>, snippetPaths: ReadonlySet<string>, workspace: string): string[] {
  const problems: string[] = []
  for (const [src, list] of build.diagnostics) {
    if (snippetPaths.has(src))
      continue
    for (const d of list.filter(d => d.level === 'error' || d.level === 'warning'))
      problems.push(`snippets/${build.locations.get(d) ?? `${relative(workspace, src)}:1`}: ${d.message}`)
  }
  if (!build.success && build.diagnostics.size === 0)
    problems.push(`snippets/Cargo.toml:1: \`${build.command}\` failed:\n${build.stderr.trim()}`)
  return problems
}

/**
 * Two crates' `src/bin/exercise.rs` would both build `target/…/exercise`,
 * and one program would silently run as the other.
 */
export function clashingBinaries(executables: BuildOutput['executables'], workspace: string): string[] {
  const problems: string[] = []
  const byExe = new Map<string, string>()
  for (const [src, exe] of executables) {
    for (const path of [exe.bin, exe.test]) {
      if (!path || path.includes('/deps/'))
        continue
      const other = byExe.get(path)
      if (other && other !== src)
        problems.push(`snippets/${relative(workspace, src)}:1: builds the same binary \`${path.slice(path.lastIndexOf('/') + 1)}\` as snippets/${relative(workspace, other)}; give one a \`[[bin]]\` entry with its own name in its crate's Cargo.toml`)
      byExe.set(path, src)
    }
  }
  return problems
}

function unformattedLine(unformatted: Map<string, string>, path: string): number | null {
  const value = unformatted.get(path)
  return value === undefined ? null : Number(value.split('\t')[0])
}

/** rustfmt's message when it could not parse the file, e.g. code of another edition. */
function rustfmtError(unformatted: Map<string, string>, path: string): { rustfmtError: string } | object {
  const message = unformatted.get(path)?.split('\t')[1]
  return message === undefined ? {} : { rustfmtError: message }
}

async function runProgram(id: string, exe: string, workspace: string, root: string, timeoutMs: number): Promise<{ run: RunCapture, trace: RawTraceEvent[] | null, traceError?: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'lesson-trace-'))
  const tracePath = join(dir, 'trace.jsonl')
  try {
    const result = await run(exe, [], {
      cwd: workspace,
      timeoutMs,
      maxOutput: 256 * 1024,
      // No backtraces: the slide shows the panic a learner sees by default.
      env: { ...process.env, RUST_BACKTRACE: '0', LESSON_TRACE: tracePath },
    })
    const roots = [workspace, root]
    const run_: RunCapture = {
      stdout: normalizeStdout(result.stdout),
      stderr: normalizeStderr(result.stderr, roots),
      exitCode: result.exitCode,
      timedOut: result.timedOut,
    }
    let trace: RawTraceEvent[] | null = null
    if (existsSync(tracePath)) {
      try {
        trace = readTraceLines(id, await readFile(tracePath, 'utf8')) as RawTraceEvent[]
      }
      catch (error) {
        if (!(error instanceof TraceError))
          throw error
        return { run: run_, trace: null, traceError: error.message }
      }
    }
    return { run: run_, trace }
  }
  finally {
    await rm(dir, { recursive: true, force: true })
  }
}

async function runTests(exe: string, workspace: string, root: string): Promise<TestCapture> {
  const result = await run(exe, ['--color', 'never'], {
    cwd: workspace,
    timeoutMs: 60_000,
    env: { ...process.env, RUST_BACKTRACE: '0' },
  })
  return testCapture(normalizeTestOutput(`${result.stdout}${result.stderr}`, [workspace, root]), result.exitCode)
}

/** The test runner's tallies; a binary that failed without a tally counts as one failure. */
export function testCapture(output: string, exitCode: number | null): TestCapture {
  const { passed, failed, results } = parseTestOutput(output)
  const failedOrCrashed = exitCode !== 0 && failed === 0 ? 1 : failed
  return { passed, failed: failedOrCrashed, output: failedOrCrashed ? output : '', results }
}
