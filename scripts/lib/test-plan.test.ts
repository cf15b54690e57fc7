import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { SITE_STEPS, SITE_TESTS } from '../test.ts'
import { checkPlan, failureExcerpt, schedule, timingTable } from './test-plan.ts'

/** A runner whose steps finish when told, recording what ran at once. */
function fakeRunner(codes: Record<string, number> = {}) {
  const waiting = new Map<string, () => void>()
  const order: string[] = []
  let running = 0
  let most = 0
  return {
    order,
    get most() {
      return most
    },
    waiting,
    run(name: string): Promise<number> {
      order.push(name)
      running++
      most = Math.max(most, running)
      return new Promise((resolve) => {
        waiting.set(name, () => {
          running--
          waiting.delete(name)
          resolve(codes[name] ?? 0)
        })
      })
    },
    finish(name: string) {
      const f = waiting.get(name)
      if (!f)
        throw new Error(`${name} is not running (running: ${[...waiting.keys()].join(', ')})`)
      f()
    },
  }
}

const tick = () => new Promise(r => setTimeout(r, 0))

const PLAN = [
  { name: 'check', needs: [] },
  { name: 'fmt', needs: [] },
  { name: 'lint', needs: [] },
  { name: 'publish', needs: ['check'] },
  { name: 'unit', needs: ['check'] },
  { name: 'browser', needs: ['publish'] },
]

describe('the test plan', () => {
  it('starts what needs nothing beside the check, then each step once its needs passed, never more than `jobs` at once', async () => {
    const r = fakeRunner()
    const done = schedule(PLAN, { jobs: 2, run: n => r.run(n) })
    await tick()
    expect([...r.waiting.keys()]).toEqual(['check', 'fmt'])
    r.finish('fmt')
    await tick()
    expect([...r.waiting.keys()]).toEqual(['check', 'lint'])
    r.finish('check')
    await tick()
    expect([...r.waiting.keys()].sort()).toEqual(['lint', 'publish'])
    r.finish('publish')
    await tick()
    expect([...r.waiting.keys()].sort()).toEqual(['lint', 'unit'])
    r.finish('lint')
    await tick()
    expect([...r.waiting.keys()].sort()).toEqual(['browser', 'unit'])
    r.finish('unit')
    r.finish('browser')
    const results = await done
    expect(results.map(x => [x.name, x.code])).toEqual(PLAN.map(p => [p.name, 0]))
    expect(r.most).toBe(2)
  })

  it('skips the steps needing a failed one, and runs the rest', async () => {
    const r = fakeRunner({ publish: 1 })
    const done = schedule(PLAN, { jobs: 3, run: n => r.run(n) })
    for (const name of ['check', 'fmt', 'lint', 'publish', 'unit']) {
      await tick()
      r.finish(name)
    }
    const results = await done
    expect(results.find(x => x.name === 'browser')).toMatchObject({ code: null, skipped: 'publish failed' })
    expect(results.find(x => x.name === 'unit')).toMatchObject({ code: 0 })
    expect(r.order).not.toContain('browser')
  })

  it('runs the steps needing one whose failure does not block them', async () => {
    const r = fakeRunner({ check: 1 })
    const done = schedule(PLAN, { jobs: 6, run: n => r.run(n), blocks: (name, code) => name !== 'check' || code === 2 })
    for (const name of ['check', 'fmt', 'lint', 'publish', 'unit', 'browser']) {
      await tick()
      r.finish(name)
    }
    expect((await done).map(x => x.code)).toEqual([1, 0, 0, 0, 0, 0])
  })

  it('refuses a need that is no step, and needs that loop', () => {
    expect(() => checkPlan([{ name: 'a', needs: ['b'] }])).toThrow('step "a" needs "b", which is not a step')
    expect(() => checkPlan([{ name: 'a', needs: ['b'] }, { name: 'b', needs: ['a'] }])).toThrow('steps need each other: a → b → a')
  })

  it('prints each step\'s start, time and result, and the wall clock', () => {
    const table = timingTable([
      { name: 'check', code: 0, startMs: 0, durationMs: 95_000 },
      { name: 'publish', code: 1, startMs: 95_000, durationMs: 60_400 },
      { name: 'browser', code: null, startMs: 155_400, durationMs: 0, skipped: 'publish failed' },
    ], 156_000)
    expect(table).toBe([
      '  step      start    time  result',
      '  check      +0 s    95 s  passed',
      '  publish   +95 s    60 s  FAILED (exit 1)',
      '  browser       -       -  skipped (publish failed)',
      '  all               156 s  wall clock',
    ].join('\n'))
  })
})

describe('the excerpt of a failed step', () => {
  // vitest's end of a run, as a step prints it (with colours, from a terminal).
  const vitest = [
    ' \u001B[31m❯\u001B[39m tests/live/fit.test.ts (19 tests | 1 failed) 61000ms',
    '     \u001B[32m✓\u001B[39m 47 Live: borrow twice 400ms',
    '',
    '\u001B[31m⎯⎯⎯⎯⎯⎯⎯\u001B[39m\u001B[1m\u001B[41m Failed Tests 1 \u001B[49m\u001B[22m\u001B[31m⎯⎯⎯⎯⎯⎯⎯\u001B[39m',
    '',
    '\u001B[41m\u001B[1m FAIL \u001B[22m\u001B[49m  kit  tests/live/fit.test.ts > the lesson > 131 Live',
    'AssertionError: slide 131 step 2: the newest output line is cut',
    '',
    '',
    ' ❯ tests/live/fit.test.ts:150:20',
    '⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯[1/1]⎯',
    '',
    ' Test Files  1 failed | 5 passed (6)',
    '      Tests  1 failed | 37 passed (38)',
  ]

  it('is vitest\'s report of what failed, without colours or blank runs', () => {
    expect(failureExcerpt(vitest)).toEqual([
      '⎯⎯⎯⎯⎯⎯⎯ Failed Tests 1 ⎯⎯⎯⎯⎯⎯⎯',
      '',
      ' FAIL   kit  tests/live/fit.test.ts > the lesson > 131 Live',
      'AssertionError: slide 131 step 2: the newest output line is cut',
      '',
      ' ❯ tests/live/fit.test.ts:150:20',
      '⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯[1/1]⎯',
      '',
    ])
  })

  it('is the output\'s end when the step is no vitest, and is cut at the maximum, saying so', () => {
    const check = Array.from({ length: 40 }, (_, i) => `ok   snippet-${i}`).concat(['FAIL rc/cycle: stdout drifted', 'check: 40 passed, 1 failed'])
    expect(failureExcerpt(check)).toEqual(check.slice(-25))
    const long = ['⎯⎯ Failed Suites 1 ⎯⎯', ...Array.from({ length: 100 }, (_, i) => `line ${i}`)]
    const cut = failureExcerpt(long, 10)
    expect(cut).toHaveLength(10)
    expect(cut.slice(0, 2)).toEqual(['⎯⎯ Failed Suites 1 ⎯⎯', 'line 0'])
    expect(cut.at(-1)).toBe('… 92 more lines: see the step\'s output above')
  })
})

describe('the steps reading the published site', () => {
  const root = fileURLToPath(new URL('../..', import.meta.url))

  it('walk every slide once per colour scheme, as two steps side by side, beside the other site tests', () => {
    expect(SITE_STEPS.filter(s => s.name === 'light' || s.name === 'dark').map(s => [s.name, s.files])).toEqual([
      ['light', ['tests/browser/slides-light.test.ts']],
      ['dark', ['tests/browser/slides-dark.test.ts']],
    ])
    // The keyboard paths and the site pages' audit, what the walk does not cover.
    expect(SITE_TESTS).toContain('tests/a11y/deck.test.ts')
    // A publish from the kit's own slides/ shares Slidev's files there with the run's publish.
    expect(SITE_TESTS).toContain('tests/publish/interrupt.test.ts')
  })

  it('name each test file once, and only files that exist', () => {
    expect(new Set(SITE_TESTS).size).toBe(SITE_TESTS.length)
    expect(SITE_TESTS.filter(f => !f.endsWith('.test.ts') || !existsSync(`${root}${f}`))).toEqual([])
  })
})
