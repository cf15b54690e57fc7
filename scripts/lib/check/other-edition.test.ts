import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { optLevels, otherExpectedBase, otherPromise } from './other-edition.ts'

describe('other edition', () => {
  it('holds the other edition to the declared promise, else to the snippet\'s own', () => {
    const own = { kind: 'runs', varies: false } as const
    expect(otherPromise({ expectation: own, otherExpectation: null })).toBe(own)
    expect(otherPromise({ expectation: own, otherExpectation: { kind: 'compile-error', codes: ['E0700'] } })).toEqual({ kind: 'compile-error', codes: ['E0700'] })
    expect(otherExpectedBase({ expectedBase: '/k/snippets/mutex/expected/guard', otherEdition: '2021' })).toBe('/k/snippets/mutex/expected/guard.2021')
  })

  it('builds a program at its package\'s opt-level, as cargo does', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'other-edition-'))
    try {
      await writeFile(join(dir, 'Cargo.toml'), '[workspace]\nmembers = ["arc"]\n\n[profile.dev.package.lesson-arc]\nopt-level = 3\n\n[profile.release]\nopt-level = "s"\n')
      expect(await optLevels(dir)).toEqual(new Map([['lesson-arc', '3']]))
    }
    finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
