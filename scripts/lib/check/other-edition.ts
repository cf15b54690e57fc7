import type { Expectation } from '../../../core/snippet-data.ts'
import type { Capture } from '../compare.ts'
import type { Snippet } from '../snippets.ts'
/**
 * Every snippet judged under the other edition too: compiled alone with
 * `rustc --edition <other>` (a program against the workspace's libraries
 * the cargo build just made), then run as its promise there says: the
 * program, or its tests. Lints are the edition's own build's business;
 * only errors are kept.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { compileAlone } from '../cargo.ts'

/** The promise under the other edition: the declared one, else the snippet's own. */
export function otherPromise(s: Pick<Snippet, 'expectation' | 'otherExpectation'>): Expectation {
  return s.otherExpectation ?? s.expectation
}

export interface OtherEditionContext {
  workspace: string
  /** The workspace's libraries (crate name to `.rlib`), for programs; empty for snippets compiled alone. */
  libraries: ReadonlyMap<string, string>
  /** `-C opt-level` by package name, from the workspace's `[profile.dev.package.*]`. */
  optLevels: ReadonlyMap<string, string>
  /** Runs an executable as the check runs programs, or a test binary as it runs tests. */
  runProgram: (exe: string, id: string) => Promise<Pick<Capture, 'run'>>
  runTests: (exe: string) => Promise<NonNullable<Capture['tests']>>
}

export async function captureOtherEdition(s: Snippet, ctx: OtherEditionContext): Promise<Capture> {
  const promise = otherPromise(s)
  const dir = await mkdtemp(join(tmpdir(), 'lesson-edition-'))
  try {
    const flags: string[] = []
    if (s.place === 'bin') {
      for (const [name, rlib] of ctx.libraries)
        flags.push('--extern', `${name}=${rlib}`)
      const deps = new Set([...ctx.libraries.values()].map(dirname))
      for (const d of deps)
        flags.push('-L', `dependency=${d}`)
      const opt = ctx.optLevels.get(`lesson-${s.topic}`)
      if (opt)
        flags.push('-C', `opt-level=${opt}`)
    }
    const forTests = promise.kind === 'tests' || promise.kind === 'test-fails' || (promise.kind === 'compile-error' && promise.test === true)
    const where = (list: Capture['diagnostics'], locations: Map<Capture['diagnostics'][number], number>) => list.map(d => `${s.file}:${locations.get(d) ?? 1}`)
    const program = forTests && promise.kind === 'compile-error'
      ? await compileAlone(ctx.workspace, s.path, { edition: s.otherEdition, flags, outDir: join(dir, 'program') }).catch(() => null)
      : null
    const compiled = program && !program.compiled
      ? program
      : await compileAlone(ctx.workspace, s.path, { edition: s.otherEdition, test: forTests, flags, outDir: dir, direct: promise.kind !== 'compile-error' })
    const errors = compiled.diagnostics.filter(d => d.level === 'error')
    const capture: Capture = {
      diagnostics: errors,
      locations: where(errors, compiled.locations),
      compiled: compiled.compiled,
      run: null,
      tests: null,
      trace: null,
      unformattedLine: null,
      ...(program ? { program: { compiled: program.compiled, diagnostics: program.diagnostics.filter(d => d.level === 'error'), locations: where(program.diagnostics.filter(d => d.level === 'error'), program.locations) } } : {}),
    }
    if (compiled.compiled && compiled.executable && promise.kind !== 'compile-error') {
      if (forTests)
        capture.tests = await ctx.runTests(compiled.executable)
      else capture.run = (await ctx.runProgram(compiled.executable, s.id)).run
    }
    return capture
  }
  finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/** `[profile.dev.package.<name>] opt-level = N` in the workspace's Cargo.toml. */
export async function optLevels(workspace: string): Promise<Map<string, string>> {
  const text = await readFile(join(workspace, 'Cargo.toml'), 'utf8')
  const levels = new Map<string, string>()
  let pkg: string | null = null
  for (const line of text.split('\n')) {
    const section = /^\[(.+)\]\s*$/.exec(line.trim())
    if (section) {
      pkg = /^profile\.dev\.package\.([\w-]+)$/.exec(section[1]!)?.[1] ?? null
      continue
    }
    const level = /^opt-level\s*=\s*"?(\w+)"?/.exec(line.trim())
    if (pkg && level)
      levels.set(pkg, level[1]!)
  }
  return levels
}

/** Where a snippet's other-edition expected stdout lives: `expected/<name>.<edition>.stdout`. */
export function otherExpectedBase(s: Pick<Snippet, 'expectedBase' | 'otherEdition'>): string {
  return `${s.expectedBase}.${s.otherEdition}`
}
