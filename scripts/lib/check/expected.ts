import type { Capture, Expected } from '../compare.ts'
import type { Snippet } from '../snippets.ts'
/**
 * The checked-in expected files beside each topic's snippets
 * (`snippets/<topic>/expected/<name>.stdout|.stderr|.trace`): read for the
 * judge, and rewritten from a run by `npm run check -- --update`.
 */
import { existsSync } from 'node:fs'
import { mkdir, rm } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { compareText, traceLines } from '../compare.ts'
import { readOptional, writeAtomic } from './files.ts'
import { otherExpectedBase } from './other-edition.ts'

/** The expected files' paths from the kit's root, for messages. */
export function expectedNames(s: Pick<Snippet, 'expectedBase'>, root: string): { stdout: string, stderr: string, trace: string } {
  const base = relative(root, s.expectedBase)
  return { stdout: `${base}.stdout`, stderr: `${base}.stderr`, trace: `${base}.trace` }
}

export async function readExpected(s: Pick<Snippet, 'expectedBase'>): Promise<Expected> {
  return {
    stdout: await readOptional(`${s.expectedBase}.stdout`),
    stderr: await readOptional(`${s.expectedBase}.stderr`),
    trace: await readOptional(`${s.expectedBase}.trace`),
  }
}

/** `--update`: the expected files become what this run produced; says what changed, one line per file. */
export async function updateExpected(snippets: readonly Snippet[], captures: ReadonlyMap<Snippet, { capture: Capture, other?: Capture }>, root: string): Promise<string[]> {
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
    const { capture, other } = captures.get(s)!
    // A declared other edition's output: `expected/<name>.2021.stdout`.
    const o = s.otherExpectation
    if (o && other?.run && !other.run.timedOut && ((o.kind === 'runs' && !o.varies && other.run.exitCode === 0) || o.kind === 'panics'))
      await write(`${otherExpectedBase(s)}.stdout`, other.run.stdout || null, 'stdout')
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
