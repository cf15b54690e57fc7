import type { GlossaryTerm } from './glossary.ts'
import { describe, expect, it } from 'vitest'
import { firstUse, GLOSSARY, linkFirstUse } from './glossary.ts'
import { TOPIC_IDS } from './topics.ts'

const term = (id: string): GlossaryTerm => GLOSSARY.find(t => t.id === id)!

describe('glossary', () => {
  it('has unique anchors, each taught by a topic of the lesson', () => {
    expect(new Set(GLOSSARY.map(t => t.id)).size).toBe(GLOSSARY.length)
    for (const t of GLOSSARY)
      expect(TOPIC_IDS).toContain(t.topic)
  })

  it('finds the first use outside code, and whether it is the link to the entry', () => {
    const text = 'A `lifetime` in code, then a lifetime in words.'
    expect(firstUse(text, term('lifetime'))).toEqual({ index: text.indexOf('a lifetime') + 2, linked: false })
    expect(firstUse('The [lifetime](../glossary.html#lifetime) of a borrow.', term('lifetime'))).toEqual({ index: 4, linked: true })
    expect(firstUse('No such word here.', term('lifetime')).index).toBe(-1)
  })

  it('finds a code-span term such as `Send` in code', () => {
    expect(firstUse('`Rc<T>` is not `Send`.', term('send'))).toEqual({ index: 15, linked: false })
  })

  it('links the first use only, once', () => {
    const linked = linkFirstUse('Borrowed here, borrowed there.', term('borrow'))
    expect(linked).toBe('[Borrowed](../glossary.html#borrow) here, borrowed there.')
    expect(linkFirstUse(linked, term('borrow'))).toBe(linked)
    expect(linkFirstUse('`Rc<T>` is not `Send`.', term('send'))).toBe('`Rc<T>` is not [`Send`](../glossary.html#send).')
  })
})
