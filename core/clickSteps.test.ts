import { describe, expect, it } from 'vitest'
import { clickSpan, stepIndexFor } from './clickSteps.ts'

describe('click steps', () => {
  it('asks for one click fewer than steps', () => {
    expect([clickSpan(0), clickSpan(1), clickSpan(5)]).toEqual([0, 0, 4])
  })

  it('maps clicks to steps, clamped', () => {
    // Registered from click 3: click 2 shows step 0, click 3 step 1, …
    expect([1, 2, 3, 4, 6, 99].map(c => stepIndexFor(c, 3, 4))).toEqual([0, 0, 1, 2, 3, 3])
  })

  it('shows the last step without a clicks context', () => {
    expect(stepIndexFor(null, null, 4)).toBe(3)
    expect(stepIndexFor(5, null, 4)).toBe(3)
    expect(stepIndexFor(null, null, 0)).toBe(0)
  })
})
