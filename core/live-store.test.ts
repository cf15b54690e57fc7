import type { EditStorage } from './live-store.ts'
import { describe, expect, it } from 'vitest'
import { editKey, forgetEdit, forgetEditsFor, loadEdit, saveEdit } from './live-store.ts'

function memory(): EditStorage & { map: Map<string, string> } {
  const map = new Map<string, string>()
  return {
    map,
    getItem: k => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: k => void map.delete(k),
    get length() {
      return map.size
    },
    key: i => [...map.keys()][i] ?? null,
  }
}

describe('kept edits', () => {
  const key = editKey('rc/clone-counts', 'counts')

  it('keys by snippet and region', () => {
    expect(key).toBe('lesson-live:v1:rc/clone-counts#counts')
    expect(editKey('rc/clone-counts')).toBe('lesson-live:v1:rc/clone-counts')
  })

  it('keeps an edit and gives it back', () => {
    const s = memory()
    saveEdit(s, key, 'original', 'edited')
    expect(loadEdit(s, key, 'original')).toBe('edited')
  })

  it('forgets an edit that returns to the original, or on reset', () => {
    const s = memory()
    saveEdit(s, key, 'original', 'edited')
    saveEdit(s, key, 'original', 'original')
    expect(s.map.size).toBe(0)
    saveEdit(s, key, 'original', 'edited')
    forgetEdit(s, key)
    expect(loadEdit(s, key, 'original')).toBeNull()
  })

  it('drops an edit made from an original that has changed since', () => {
    const s = memory()
    saveEdit(s, key, 'old original', 'edited')
    expect(loadEdit(s, key, 'new original')).toBeNull()
    expect(s.map.size).toBe(0)
  })

  it('survives unreadable or failing storage', () => {
    const s = memory()
    s.map.set(key, '{not json')
    expect(loadEdit(s, key, 'original')).toBeNull()
    const failing: EditStorage = {
      getItem: () => {
        throw new Error('denied')
      },
      setItem: () => {
        throw new Error('full')
      },
      removeItem: () => {},
    }
    expect(loadEdit(failing, key, 'original')).toBeNull()
    expect(() => saveEdit(failing, key, 'original', 'edited')).not.toThrow()
    expect(loadEdit(undefined, key, 'original')).toBeNull()
  })

  it('forgets every kept edit once per reset of every slide, and nothing else', () => {
    const s = memory()
    const other = editKey('refcell/double-borrow', 'alias')
    saveEdit(s, key, 'original', 'edited')
    saveEdit(s, `${other}@1`, 'original', 'edited')
    s.setItem('lesson-live:font-size', '18')
    expect(forgetEditsFor(s, 'r1')).toBe(true)
    expect(loadEdit(s, key, 'original')).toBeNull()
    expect(loadEdit(s, `${other}@1`, 'original')).toBeNull()
    expect(s.getItem('lesson-live:font-size')).toBe('18')
    // An edit made after that reset survives seeing it again (a reload).
    saveEdit(s, key, 'original', 'after')
    expect(forgetEditsFor(s, 'r1')).toBe(false)
    expect(loadEdit(s, key, 'original')).toBe('after')
    expect(forgetEditsFor(s, 'r2')).toBe(true)
    expect(loadEdit(s, key, 'original')).toBeNull()
    expect(forgetEditsFor(undefined, 'r3')).toBe(false)
  })
})
