import { describe, expect, it } from 'vitest'
import { isSlideDefault, slideDefaults } from './built-slide.ts'

describe('isSlideDefault', () => {
  it('is true for each default field at its default, and for no other value', () => {
    for (const [key, value] of Object.entries(slideDefaults()))
      expect(isSlideDefault(key, value), key).toBe(true)
    expect(isSlideDefault('note', 'Say this.')).toBe(false)
    expect(isSlideDefault('images', ['logo.png'])).toBe(false)
    expect(isSlideDefault('content', [])).toBe(false)
  })

  it('is false for a field without a default, however empty', () => {
    expect(isSlideDefault('title', '')).toBe(false)
  })

  it('gives each slide its own copy of the defaults', () => {
    expect(slideDefaults().images).not.toBe(slideDefaults().images)
  })
})
