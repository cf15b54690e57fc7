import type { GeneratedData, RawTraceEvent, RunCapture, SnippetResult, TestCapture } from '../../core/snippet-data.ts'
import type { Capture, Expected } from './compare.ts'
import type { Snippet } from './snippets.ts'
/**
 * The check behind `npm run check`, `npm run build` and `npm run publish`:
 * every snippet built, run and judged against its promise, every deck's
 * references to snippets resolved, and the captures written for the slides.
 */
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { availableParallelism, tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { checkBudgets } from './budget.ts'
import { buildWorkspace, compileAlone, rustcVersion, rustfmtCheck } from './cargo.ts'
import { compareText, judge, traceLines } from './compare.ts'
import { checkDecks } from './deck-check.ts'
import { LessonError } from './errors.ts'
import { normalizeOutput } from './normalize.ts'
import { mapLimit, run } from './process.ts'
import { checkQuizzes } from './quiz-check.ts'
import { discoverSnippets } from './snippets.ts'

export interface CheckOptions {
  /** The kit's root (holding `snippets/`, `slides/`). */
  root: string
  /** Rewrite expected outputs and recordings from this run. */
  update?: boolean
  /** Progress lines, one per phase. */
  log?: (line: string) => void
  /** Time limit for one program run. */
  runTimeoutMs?: number
}

export interface CheckReport {
  rustc: string
  snippets: SnippetResult[]
  /** Failures not tied to one snippet: decks, support crates, malformed headers. */
  problems: string[]
  /** Expected files rewritten by `--update`, with what changed. */
  updated: string[]
  passed: number
  failed: number
  durationMs: number
}

/** Bumped when the capture format changes, so old caches are not reused. */
const CACHE_VERSION = 4

interface CacheEntry {
  key: string
  capture: Capture
  durationMs: number
}

interface CacheFile {
  version: number
  entries: Record<string, CacheEntry>
}

export function generatedDir(root: string): string {
  return join(root, 'generated')
}

export async function runCheck(options: CheckOptions): Promise<CheckReport> {
  const started = performance.now()
  const { root } = options
  const log = options.log ?? (() => {})
  const workspace = join(root, 'snippets')
  const rustc = await rustcVersion()
  const discovery = await discoverSnippets(root)
  const problems = [...discovery.errors]
  const { snippets } = discovery
  log(`${snippets.length} snippets in ${new Set(snippets.map(s => s.topic)).size} topics (${rustc})`)

  const cachePath = join(generatedDir(root), 'check-cache.json')
  const cache = await readCache(cachePath)
  const keys = new Map<Snippet, string>()
  for (const s of snippets)
    keys.set(s, await cacheKey(rustc, s, s.place === 'bin' ? discovery.sharedInputs.get(s.topic) ?? [] : []))

  const captures = new Map<Snippet, { capture: Capture, durationMs: number }>()
  for (const s of snippets) {
    const hit = cache.entries[s.id]
    if (hit && hit.key === keys.get(s))
      captures.set(s, hit)
  }
  const staleBins = snippets.filter(s => s.place === 'bin' && !captures.has(s))
  const staleFails = snippets.filter(s => s.place === 'fail' && !captures.has(s))
  log(`${snippets.length - staleBins.length - staleFails.length} unchanged since the last check, ${staleBins.length + staleFails.length} to run`)

  const stale = [...staleBins, ...staleFails]
  const unformatted = await rustfmtCheck(workspace, stale.map(s => s.path))

  if (staleBins.length) {
    const build = await buildWorkspace(workspace, log)
    const snippetPaths = new Set(snippets.map(s => s.path))
    // Errors and lints in support code (the recorder, a topic's lib.rs).
    for (const [src, list] of build.diagnostics) {
      if (snippetPaths.has(src))
        continue
      for (const d of list.filter(d => d.level === 'error'))
        problems.push(`snippets/${build.locations.get(d) ?? relative(workspace, src)}: ${d.message}`)
    }
    if (!build.success && build.diagnostics.size === 0)
      problems.push(`snippets/: \`${build.command}\` failed:\n${build.stderr.trim()}`)
    // Two crates' `src/bin/exercise.rs` would both build `target/…/exercise`, and
    // one program would silently run as the other.
    const byExe = new Map<string, string>()
    for (const [src, exe] of build.executables) {
      for (const path of [exe.bin, exe.test]) {
        if (!path || path.includes('/deps/'))
          continue
        const other = byExe.get(path)
        if (other && other !== src)
          problems.push(`snippets/${relative(workspace, src)}:1: builds the same binary \`${path.slice(path.lastIndexOf('/') + 1)}\` as snippets/${relative(workspace, other)}; give one a \`[[bin]]\` entry with its own name in its crate's Cargo.toml`)
        byExe.set(path, src)
      }
    }
    const supportTests = [...build.executables].filter(([src, e]) => !snippetPaths.has(src) && e.test)
    log(`running ${staleBins.length} programs and their tests, and ${supportTests.length} support test binaries`)
    for (const [src, exe] of supportTests) {
      const tests = await runTests(exe.test!, workspace, root)
      if (tests.failed > 0)
        problems.push(`snippets/${relative(workspace, src)}:1: ${tests.failed} tests failed\n${tests.output}`)
    }
    await mapLimit(staleBins, availableParallelism(), async (s) => {
      const t0 = performance.now()
      const exe = build.executables.get(s.path) ?? {}
      const diagnostics = build.diagnostics.get(s.path) ?? []
      const compiled = Boolean(exe.bin) && !diagnostics.some(d => d.level === 'error')
      const capture: Capture = {
        diagnostics,
        locations: diagnostics.map(d => `snippets/${build.locations.get(d) ?? relative(workspace, s.path)}`),
        compiled,
        run: null,
        tests: null,
        trace: null,
        unformattedLine: unformattedLine(unformatted, s.path),
        binName: exe.bin?.slice(exe.bin.lastIndexOf('/') + 1),
      }
      if (compiled) {
        if (exe.test)
          capture.tests = await runTests(exe.test, workspace, root)
        if (s.expectation.kind === 'runs' || s.expectation.kind === 'panics') {
          const result = await runProgram(exe.bin!, workspace, root, options.runTimeoutMs ?? 10_000)
          capture.run = result.run
          capture.trace = result.trace
        }
      }
      captures.set(s, { capture, durationMs: performance.now() - t0 })
    })
  }

  if (staleFails.length) {
    log(`compiling ${staleFails.length} snippets that must not compile`)
    await mapLimit(staleFails, availableParallelism(), async (s) => {
      const t0 = performance.now()
      const result = await compileAlone(workspace, s.path)
      captures.set(s, {
        capture: {
          diagnostics: result.diagnostics,
          locations: result.diagnostics.map(d => `${s.file}:${result.locations.get(d) ?? 1}`),
          compiled: result.compiled,
          run: null,
          tests: null,
          trace: null,
          unformattedLine: unformattedLine(unformatted, s.path),
        },
        durationMs: performance.now() - t0,
      })
    })
  }

  const updated = options.update ? await updateExpected(snippets, captures, root) : []

  const results: SnippetResult[] = []
  for (const s of snippets) {
    const { capture, durationMs } = captures.get(s)!
    const expected = await readExpected(s)
    const failures = judge({
      file: s.file,
      expectLine: s.expectLine,
      expectation: s.expectation,
      place: s.place,
      expectedFiles: expectedNames(s, root),
    }, capture, expected)
    results.push({
      id: s.id,
      topic: s.topic,
      file: s.file,
      source: s.source,
      expectation: s.expectation,
      command: commandFor(s, capture.binName),
      support: s.support,
      status: failures.length ? 'failed' : 'passed',
      failures,
      key: keys.get(s)!,
      durationMs: Math.round(durationMs),
      run: capture.run,
      diagnostics: capture.diagnostics,
      tests: capture.tests,
      trace: capture.trace,
    })
  }

  log('checking the decks\' references to snippets')
  problems.push(...await checkDecks(root, snippets))
  log('checking the decks\' time budgets')
  problems.push(...await checkBudgets(root))

  // Only captures of programs that compiled are kept: a build that failed
  // in support code says nothing about the snippet itself.
  const entries: Record<string, CacheEntry> = {}
  for (const [s, c] of captures) {
    if (s.place === 'fail' || c.capture.compiled)
      entries[s.id] = { key: keys.get(s)!, ...c }
  }
  await writeAtomic(cachePath, JSON.stringify({ version: CACHE_VERSION, entries } satisfies CacheFile))
  const data: GeneratedData = { rustc, snippets: Object.fromEntries(results.map(r => [r.id, r])) }
  await writeAtomic(join(generatedDir(root), 'snippets.json'), `${JSON.stringify(data, null, 1)}\n`)
  problems.push(...await checkQuizzes(root, data))

  const failed = results.filter(r => r.status === 'failed').length + problems.length
  return {
    rustc,
    snippets: results,
    problems,
    updated,
    passed: results.length - results.filter(r => r.status === 'failed').length,
    failed,
    durationMs: performance.now() - started,
  }
}

/** The command a learner would type in `snippets/` to see what the slide shows. */
function commandFor(s: Snippet, binName: string | undefined): string {
  if (s.place === 'fail')
    return `rustc ${s.file.replace(/^snippets\//, '')}`
  const bin = binName ?? s.name
  return s.expectation.kind === 'tests' ? `cargo test --bin ${bin}` : `cargo run -q --bin ${bin}`
}

/**
 * What a capture depends on: the toolchain, the snippet's code and, for
 * programs, everything its crate builds from. The `expect:`/`support:` lines
 * are left out: they are comments, and editing a promise must not require
 * a rebuild to be judged.
 */
async function cacheKey(rustc: string, s: Snippet, inputs: readonly string[]): Promise<string> {
  const hash = createHash('sha256')
  hash.update(`${CACHE_VERSION}\0${rustc}\0${s.place}\0${s.expectation.kind}\0`)
  hash.update(s.source.replace(/^\/\/!\s*(?:expect|support):.*$/gm, '//!'))
  for (const file of inputs) {
    hash.update(`\0${file.slice(file.lastIndexOf('/snippets/'))}\0`)
    hash.update(await readFile(file))
  }
  return hash.digest('hex').slice(0, 24)
}

async function readCache(path: string): Promise<CacheFile> {
  try {
    const cache = JSON.parse(await readFile(path, 'utf8')) as CacheFile
    if (cache.version === CACHE_VERSION)
      return cache
  }
  catch {}
  return { version: CACHE_VERSION, entries: {} }
}

function unformattedLine(unformatted: Map<string, string>, path: string): number | null {
  const line = unformatted.get(path)
  return line === undefined ? null : Number(line)
}

async function runProgram(exe: string, workspace: string, root: string, timeoutMs: number): Promise<{ run: RunCapture, trace: RawTraceEvent[] | null }> {
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
      stdout: normalizeOutput(result.stdout, roots),
      stderr: normalizeOutput(result.stderr, roots),
      exitCode: result.exitCode,
      timedOut: result.timedOut,
    }
    let trace: RawTraceEvent[] | null = null
    if (existsSync(tracePath)) {
      const text = await readFile(tracePath, 'utf8')
      trace = text.split('\n').filter(Boolean).map(line => JSON.parse(line) as RawTraceEvent)
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
  const output = normalizeOutput(`${result.stdout}${result.stderr}`, [workspace, root])
  let passed = 0
  let failed = 0
  for (const m of output.matchAll(/test result: \w+\. (\d+) passed; (\d+) failed/g)) {
    passed += Number(m[1])
    failed += Number(m[2])
  }
  if (result.exitCode !== 0 && failed === 0)
    failed = 1
  return { passed, failed, output: failed ? output : '' }
}

function expectedNames(s: Snippet, root: string): { stdout: string, stderr: string, trace: string } {
  const base = relative(root, s.expectedBase)
  return { stdout: `${base}.stdout`, stderr: `${base}.stderr`, trace: `${base}.trace` }
}

async function readOptional(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8')
  }
  catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      return null
    throw new LessonError(`${path}: cannot be read: ${(error as Error).message}`)
  }
}

async function readExpected(s: Snippet): Promise<Expected> {
  return {
    stdout: await readOptional(`${s.expectedBase}.stdout`),
    stderr: await readOptional(`${s.expectedBase}.stderr`),
    trace: await readOptional(`${s.expectedBase}.trace`),
  }
}

/** `--update`: the expected files become what this run produced; says what changed. */
async function updateExpected(snippets: readonly Snippet[], captures: Map<Snippet, { capture: Capture }>, root: string): Promise<string[]> {
  const updated: string[] = []
  const write = async (path: string, text: string | null, what: string) => {
    const before = await readOptional(path)
    if (before === text)
      return
    const name = relative(root, path)
    if (text === null) {
      await rm(path)
      updated.push(`removed ${name}`)
      return
    }
    await mkdir(join(path, '..'), { recursive: true })
    await writeAtomic(path, text)
    const change = before === null ? 'new' : compareText(name, before, text, what)[0]!.replace(/; run .*$/, '')
    updated.push(before === null ? `added ${name}` : `updated ${change}`)
  }
  for (const s of snippets) {
    const { capture } = captures.get(s)!
    const run = capture.run
    if (!run || run.timedOut)
      continue
    const base = s.expectedBase
    if (s.expectation.kind === 'runs' && !s.expectation.varies && run.exitCode === 0)
      await write(`${base}.stdout`, run.stdout, 'stdout')
    if (s.expectation.kind === 'panics')
      await write(`${base}.stdout`, run.stdout || null, 'stdout')
    if (existsSync(`${base}.stderr`))
      await write(`${base}.stderr`, run.stderr, 'stderr')
    await write(`${base}.trace`, capture.trace?.length ? traceLines(capture.trace) : null, 'recording')
  }
  return updated
}

/** Writes beside the target and renames, so a reader never sees half a file. */
export async function writeAtomic(path: string, text: string): Promise<void> {
  await mkdir(join(path, '..'), { recursive: true })
  const tmp = `${path}.${process.pid}.tmp`
  await writeFile(tmp, text)
  await rename(tmp, path)
}
