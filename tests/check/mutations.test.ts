import type { SnippetResult } from '../../core/snippet-data.ts'
import type { KitCopy } from '../../scripts/lib/kit-copy.ts'
/**
 * The check's promise, tested the hard way: on a copy of the kit, break one
 * thing at a time and require the check to fail with a message that names
 * the file, the line and what went wrong. Each test undoes its change.
 */
import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCheck } from '../../scripts/lib/check.ts'
import { copyKit, KIT_ROOT } from '../../scripts/lib/kit-copy.ts'

let kit: KitCopy
let baseline: SnippetResult[]

const check = () => runCheck({ root: kit.root })

/** Every failure message of a run, snippet failures and deck problems alike. */
async function failures(): Promise<string[]> {
  const report = await check()
  return [...report.snippets.flatMap(s => s.failures), ...report.problems]
}

/** Applies a change, returns the check's failures, and restores the file. */
async function withChange(path: string, change: (text: string) => string): Promise<string[]> {
  const before = await kit.read(path)
  await kit.write(path, change(before))
  try {
    return await failures()
  }
  finally {
    await kit.write(path, before)
  }
}

function pick(kind: SnippetResult['expectation']['kind'], topic?: string): SnippetResult {
  const found = baseline.find(s => s.expectation.kind === kind && s.status === 'passed' && s.support === null && (!topic || s.topic === topic) && (kind !== 'runs' || (s.expectation.kind === 'runs' && !s.expectation.varies)))
  if (!found)
    throw new Error(`the kit has no passing \`${kind}\` snippet to break`)
  return found
}

beforeAll(async () => {
  kit = await copyKit()
  const report = await check()
  baseline = report.snippets
  // The copy must start green, or a failure below would prove nothing.
  expect([...report.problems, ...report.snippets.flatMap(s => s.failures)]).toEqual([])
})

afterAll(async () => {
  await kit?.remove()
})

describe('the check fails, precisely, when', () => {
  it('a must-not-compile snippet starts compiling', async () => {
    const s = pick('compile-error')
    const found = await withChange(s.file, text => `${text.split('\n').filter(l => l.startsWith('//!')).join('\n')}\nfn main() {}\n`)
    expect(found).toContainEqual(expect.stringMatching(new RegExp(`^${s.file}:\\d+: expected compile-error E\\d{4}.*, but it compiled`)))
  })

  it('rustc gives another error code than the one promised', async () => {
    const s = pick('compile-error')
    const found = await withChange(s.file, text => text.replace(/^\/\/! expect: compile-error .*$/m, '//! expect: compile-error E0001'))
    expect(found).toContainEqual(expect.stringContaining(`${s.file}:`))
    expect(found.join('\n')).toMatch(/expected error code E0001, rustc gave E\d{4}/)
  })

  it('a panic message changes', async () => {
    const s = pick('panics')
    const found = await withChange(s.file, text => text.replace(/^\/\/! expect: panics ".*"$/m, '//! expect: panics "a message nobody prints"'))
    expect(found.join('\n')).toMatch(new RegExp(`${s.file}:\\d+: expected panics "a message nobody prints", but it panicked with "`))
  })

  it('a program\'s stdout drifts from the checked-in output', async () => {
    // A program that prints at least two lines: the second is the one changed.
    const s = baseline.find(r => r.status === 'passed' && r.support === null && r.expectation.kind === 'runs' && !r.expectation.varies && (r.run?.stdout.trimEnd().split('\n').length ?? 0) >= 2)!
    const expected = s.file.replace(/src\/bin\/([\w-]+)\.rs$/, 'expected/$1.stdout')
    const found = await withChange(expected, text => text.replace(/\n(.)/, '\nDRIFT $1'))
    expect(found).toContainEqual(expect.stringMatching(new RegExp(`^${expected}:2: stdout differs: expected "DRIFT `)))
  })

  it('a slide imports a region that does not exist', async () => {
    const found = await withChange('slides/rc.md', text => text.replace(/(<<< @\/\.\.\/snippets\/rc\/src\/bin\/clone-counts\.rs)#counts/, '$1#countz'))
    expect(found).toContainEqual(expect.stringMatching(/^slides\/rc\.md:\d+: region `countz` is not in snippets\/rc\/src\/bin\/clone-counts\.rs \(Slidev would silently show the whole file\); its regions are: counts/))
  })

  it('a slide imports a snippet file that does not exist', async () => {
    const found = await withChange('slides/rc.md', text => text.replace('snippets/rc/src/bin/clone-counts.rs#counts', 'snippets/rc/src/bin/clone-count.rs#counts'))
    expect(found).toContainEqual(expect.stringMatching(/^slides\/rc\.md:\d+: `<<< @\/\.\.\/snippets\/rc\/src\/bin\/clone-count\.rs` imports snippets\/rc\/src\/bin\/clone-count\.rs, which does not exist/))
  })

  it('a slide names a snippet id that does not exist', async () => {
    const found = await withChange('slides/rc.md', text => text.replace('snippet="rc/clone-counts"', 'snippet="rc/clone-countz"'))
    expect(found).toContainEqual(expect.stringMatching(/^slides\/rc\.md:\d+: snippet="rc\/clone-countz" names no snippet; rc has: /))
  })

  it('an expectation header is malformed', async () => {
    const s = pick('runs')
    const found = await withChange(s.file, text => text.replace(/^\/\/! expect: runs$/m, '//! expect: runz'))
    expect(found).toContainEqual(expect.stringMatching(new RegExp(`^${s.file}:\\d+: unknown expectation \`runz\``)))
  })

  it('a snippet is shown by no slide and not marked as support', async () => {
    const s = pick('compile-error', 'rc')
    const name = s.id.split('/')[1]!
    // Every mention of it in its deck now points at another snippet.
    const found = await withChange('slides/rc.md', text => text.replaceAll(s.id, 'rc/clone-counts').replaceAll(`fail/${name}.rs#`, 'src/bin/clone-counts.rs#').replace(/(clone-counts\.rs)#(?!counts)[\w-]+/g, '$1#counts'))
    expect(found).toContainEqual(`${s.file}:1: no slide shows snippet \`${s.id}\`; import it in slides/rc.md, name it with snippet="${s.id}", or mark it \`//! support: <why>\``)
  })
})

describe('the command line', () => {
  const exec = promisify(execFile)
  const tsx = join(KIT_ROOT, 'node_modules', '.bin', 'tsx')
  const cli = join(KIT_ROOT, 'scripts', 'check.ts')

  it('ends with `N passed, N failed` and exits non-zero on a failure, without a stack trace', async () => {
    const s = pick('runs')
    const before = await kit.read(s.file)
    await kit.write(s.file, before.replace(/^\/\/! expect: runs$/m, '//! expect: runs twice'))
    try {
      const error = await exec(tsx, [cli, '--root', kit.root]).then(() => null, (e: { code: number, stdout: string, stderr: string }) => e)
      expect(error?.code).toBe(1)
      const lines = error!.stdout.trimEnd().split('\n')
      expect(lines.at(-1)).toMatch(/^\d+ passed, [1-9]\d* failed$/)
      expect(error!.stdout).toContain(`${s.file}:`)
      expect(`${error!.stdout}${error!.stderr}`).not.toMatch(/\n\s+at .*\.ts:\d+/)
    }
    finally {
      await kit.write(s.file, before)
    }
  })

  it('prints only JSON with --json', async () => {
    const { stdout } = await exec(tsx, [cli, '--json', '--root', kit.root])
    const report = JSON.parse(stdout) as { passed: number, failed: number, snippets: { id: string, file: string, topic: string, expectation: string, status: string, durationMs: number }[] }
    expect(report.failed).toBe(0)
    expect(report.snippets.length).toBe(baseline.length)
    expect(report.snippets[0]).toEqual(expect.objectContaining({ id: expect.any(String), file: expect.any(String), topic: expect.any(String), expectation: expect.any(String), status: 'passed', durationMs: expect.any(Number) }))
  })

  it('reports a missing kit as one clear line', async () => {
    const error = await exec(tsx, [cli, '--root', join(kit.root, 'nowhere')]).then(() => null, (e: { code: number, stderr: string }) => e)
    expect(error?.code).toBe(2)
    expect(error!.stderr.trim().split('\n').filter(l => !l.startsWith('npm warn'))).toEqual([`check: ${join(kit.root, 'nowhere', 'snippets')}/Cargo.toml not found: is ${join(kit.root, 'nowhere')} the lesson kit's root?`])
  })
})

describe('--update', () => {
  it('rewrites a drifted expected output and says what changed', async () => {
    const s = pick('runs')
    const expected = s.file.replace(/src\/bin\/([\w-]+)\.rs$/, 'expected/$1.stdout')
    const before = await kit.read(expected)
    await kit.write(expected, `stale first line\n${before}`)
    const report = await runCheck({ root: kit.root, update: true })
    expect(report.updated).toContainEqual(expect.stringMatching(new RegExp(`^updated ${expected}:1: stdout differs: expected "stale first line"`)))
    expect(await kit.read(expected)).toBe(before)
    expect(report.failed).toBe(0)
  })
})
