import { describe, expect, it } from 'vitest'
import { median } from './stats.ts'

describe('median', () => {
  it('takes the middle value of an odd count, whatever the order', () => {
    expect(median([9, 1, 5])).toBe(5)
  })

  it('takes the mean of the middle two of an even count', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5)
  })

  it('is NaN for no values, never a made-up figure', () => {
    expect(median([])).toBeNaN()
  })
})
