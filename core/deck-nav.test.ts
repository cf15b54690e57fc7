import { describe, expect, it } from 'vitest'
import { deckNav, exerciseLink, exerciseTopic, tapTarget } from './deck-nav.ts'

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

describe('an exercise slide\'s link', () => {
  it('is a URL to type: the dev server\'s /exercises/, or ../exercises/ beside a published deck, hosted or from disk', () => {
    expect(exerciseLink('http://localhost:3030/#/18', 'rc', { dev: true, print: false })).toEqual({ text: 'http://localhost:3030/exercises/#ex-rc', href: 'http://localhost:3030/exercises/#ex-rc' })
    expect(exerciseLink('https://school.example/rust/rc/?x=1#/18', 'rc', { dev: false, print: false }).href).toBe('https://school.example/rust/exercises/#ex-rc')
    expect(exerciseLink('file:///home/me/lesson/rc/offline.html#/18', 'rc', { dev: false, print: false }).href).toBe('file:///home/me/lesson/exercises/#ex-rc')
    expect(exerciseLink('https://school.example/rust/lesson/#/90', null, { dev: false, print: false }).href).toBe('https://school.example/rust/exercises/')
  })

  it('names the page on the site in print, never the address the deck was printed from', () => {
    expect(exerciseLink('http://127.0.0.1:41365/rc/?print#/print', 'rc', { dev: false, print: true })).toEqual({ text: 'exercises/#ex-rc', href: null })
  })

  it('belongs to the topic the lesson\'s import names, else the topic deck, else the file it is written in', () => {
    expect(exerciseTopic('box', 'lesson', '')).toBe('box')
    expect(exerciseTopic(undefined, 'rc', '')).toBe('rc')
    expect(exerciseTopic(undefined, 'lesson', '/kit/slides/mutex.md')).toBe('mutex')
    expect(exerciseTopic('nope', 'lesson', undefined)).toBeNull()
  })
})
