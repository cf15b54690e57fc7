import type { Capture } from '../compare.ts'
import type { Snippet } from '../snippets.ts'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectedNames, readExpected, updateExpected } from './expected.ts'

let root: string
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'check-expected-'))
  await mkdir(join(root, 'snippets/rc/expected'), { recursive: true })
})
afterAll(() => rm(root, { recursive: true, force: true }))

const snippet = (name: string, expectation: Snippet['expectation']): Snippet => ({ id: `rc/${name}`, topic: 'rc', name, path: '', file: `snippets/rc/src/bin/${name}.rs`, place: 'bin', source: '', regions: new Map(), expectedBase: join(root, 'snippets/rc/expected', name), expectation, expectLine: 1, support: null, allow: [], edition: '2024', editionLine: 0, otherEdition: '2021', otherExpectation: null, otherLine: 0, provenance: null, rustfmt: [] })
const capture = (stdout: string, trace: Capture['trace'] = null): Capture => ({ diagnostics: [], locations: [], compiled: true, run: { stdout, stderr: '', exitCode: 0, timedOut: false }, tests: null, trace, unformattedLine: null })

describe('expected files', () => {
  it('are named from the kit root and read as null when missing', async () => {
    const s = snippet('a', { kind: 'runs', varies: false })
    expect(expectedNames(s, root)).toEqual({ stdout: 'snippets/rc/expected/a.stdout', stderr: 'snippets/rc/expected/a.stderr', trace: 'snippets/rc/expected/a.trace' })
    expect(await readExpected(s)).toEqual({ stdout: null, stderr: null, trace: null })
  })

  it('are rewritten by --update from the run, each change said in one line', async () => {
    const a = snippet('a', { kind: 'runs', varies: false })
    const v = snippet('v', { kind: 'runs', varies: true })
    await writeFile(join(root, 'snippets/rc/expected/a.stdout'), 'old\n')
    await writeFile(join(root, 'snippets/rc/expected/a.trace'), 'stale\n')
    const updated = await updateExpected([a, v], new Map([[a, { capture: capture('new\n') }], [v, { capture: capture('varies\n', [{ seq: 0, ev: 'step', caption: 'one' }]) }]]), root)
    expect(updated).toEqual([
      'updated snippets/rc/expected/a.stdout:1: stdout differs: expected "old", got "new"',
      'removed snippets/rc/expected/a.trace',
      'added snippets/rc/expected/v.trace',
    ])
    expect(await readFile(join(root, 'snippets/rc/expected/a.stdout'), 'utf8')).toBe('new\n')
    expect(existsSync(join(root, 'snippets/rc/expected/v.stdout'))).toBe(false)
    expect(await updateExpected([a], new Map([[a, { capture: capture('new\n') }]]), root)).toEqual([])
  })
})
