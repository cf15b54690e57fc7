import { describe, expect, it } from 'vitest'
import { deckNav, tapTarget } from './deck-nav.ts'

describe('deckNav', () => {
  it('links a topic deck back to the index and on to the next topic', () => {
    const rc = deckNav('rc')
    expect(rc.index).toBe('../index.html')
    expect(rc.next).toMatchObject({ id: 'refcell', number: '2.2.5', href: '../refcell/index.html' })
    expect(rc.topic?.id).toBe('rc')
  })

  it('has no next topic after the last one, in the whole lesson, or for an unknown build', () => {
    expect(deckNav('deref').next).toBeNull()
    expect(deckNav('lesson').next).toBeNull()
    expect(deckNav(null).next).toBeNull()
  })
})

describe('tapTarget', () => {
  it('goes on from the right half, back from the left, and leaves controls alone', () => {
    expect(tapTarget(false, 300, 390)).toBe('next')
    expect(tapTarget(false, 100, 390)).toBe('prev')
    expect(tapTarget(true, 300, 390)).toBeNull()
  })
})
