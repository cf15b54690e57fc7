import { describe, expect, it } from 'vitest'
import { buildProgress, countUnits } from './build-progress.ts'

const artifact = (fresh: boolean) => JSON.stringify({ reason: 'compiler-artifact', target: { kind: ['bin'] }, fresh })
const message = JSON.stringify({ reason: 'compiler-message', message: { rendered: 'warning: "reason":"compiler-artifact"' } })

function sink(isTTY: boolean) {
  const written: string[] = []
  return { isTTY, written, write: (text: string) => written.push(text) }
}

describe('countUnits', () => {
  it('counts libs and bins twice (unit tests too) unless test = false, other targets once', () => {
    expect(countUnits([
      { targets: [{ kind: ['lib'], test: true }, { kind: ['bin'], test: true }, { kind: ['bin'], test: false }] },
      { targets: [{ kind: ['test'], test: true }, { kind: ['example'], test: false }, { kind: ['custom-build'], test: false }] },
    ])).toBe(2 + 2 + 1 + 1 + 1 + 1)
    expect(countUnits([])).toBe(0)
  })
})

describe('buildProgress', () => {
  it('on a terminal, rewrites one line as units finish and clears it at the end', () => {
    const out = sink(true)
    const progress = buildProgress('check: cargo', 4, out, { now: () => 0 })
    // A chunk may end mid-line; the rest of that line comes with the next one.
    const stream = `${artifact(true)}\n${message}\n${artifact(false)}\n${artifact(false)}\n`
    progress.feed(stream.slice(0, 30))
    progress.feed(stream.slice(30))
    expect(out.written).toEqual([
      '\r\x1B[2Kcheck: cargo 3/4 compiled (0 s)',
    ])
    progress.feed(`${artifact(false)}\n`)
    expect(out.written.at(-1)).toBe('\r\x1B[2Kcheck: cargo 4/4 compiled (0 s)')
    expect(progress.end()).toEqual({ built: 4, fresh: 1, total: 4 })
    expect(out.written.at(-1)).toBe('\r\x1B[2K')
  })

  it('elsewhere, writes a whole line at most once per interval, and only when something changed', () => {
    const out = sink(false)
    let clock = 0
    const progress = buildProgress('check: cargo', 10, out, { everyMs: 1000, now: () => clock })
    progress.feed(`${artifact(false)}\n`)
    expect(out.written).toEqual([])
    clock = 1500
    progress.feed(`${artifact(false)}\n`)
    progress.feed(`${artifact(false)}\n`)
    clock = 2000
    progress.feed(`${artifact(false)}\n`)
    clock = 2600
    progress.feed(`${message}\n`)
    clock = 2700
    progress.feed(`${artifact(false)}\n`)
    expect(out.written).toEqual([
      'check: cargo 2/10 compiled (2 s)\n',
      'check: cargo 5/10 compiled (3 s)\n',
    ])
    expect(progress.end()).toEqual({ built: 5, fresh: 0, total: 10 })
    expect(out.written).toHaveLength(2)
  })

  it('shows the count alone when the total is unknown, and never a total below it', () => {
    const unknown = sink(true)
    const a = buildProgress('cargo', null, unknown, { now: () => 0 })
    a.feed(`${artifact(false)}\n`)
    expect(unknown.written).toEqual(['\r\x1B[2Kcargo 1 compiled (0 s)'])
    const under = sink(true)
    const b = buildProgress('cargo', 1, under, { now: () => 0 })
    b.feed(`${artifact(false)}\n${artifact(false)}\n`)
    expect(under.written).toEqual(['\r\x1B[2Kcargo 2/2 compiled (0 s)'])
  })
})
