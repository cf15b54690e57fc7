import { describe, expect, it } from 'vitest'
import { importedSnippetId, markUnchecked, uncheckedNote } from './unchecked.ts'

describe('markUnchecked', () => {
  const unchecked = (id: string) => id === 'box/fragment'
  it('adds a "not checked" line under each import of an unchecked snippet, and nothing under others', () => {
    const md = ['# Deref', '', '<<< @/../snippets/box/fail/fragment.rs#shown rust', '', '<<< @/../snippets/box/src/bin/boxes.rs rust'].join('\n')
    expect(markUnchecked(md, unchecked).split('\n')).toEqual(['# Deref', '', '<<< @/../snippets/box/fail/fragment.rs#shown rust', '', uncheckedNote('box/fragment'), '', '', '<<< @/../snippets/box/src/bin/boxes.rs rust'])
  })
  it('leaves magic-move steps and code blocks alone', () => {
    const md = ['````md magic-move', '<<< @/../snippets/box/fail/fragment.rs rust', '````', '```md', '<<< @/../snippets/box/fail/fragment.rs rust', '```'].join('\n')
    expect(markUnchecked(md, unchecked)).toBe(md)
  })
  it('reads a snippet id from an import path', () => {
    expect(importedSnippetId('@/../snippets/rc/src/bin/clone-counts.rs')).toBe('rc/clone-counts')
    expect(importedSnippetId('@/../snippets/rc/fail/x.rs')).toBe('rc/x')
    expect(importedSnippetId('@/../snippets/rc/src/lib.rs')).toBeNull()
  })
})
