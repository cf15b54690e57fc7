import { describe, expect, it } from 'vitest'
import { scanDeck } from './decks.ts'

describe('scanDeck', () => {
  it('finds imports, component references and src: includes with their lines', () => {
    const md = [
      '---',
      'src: ./rc.md',
      '---',
      '<<< @/../snippets/rc/src/bin/clone-counts.rs#counts rust {1|2}',
      '<RunOutput snippet="rc/clone-counts" /> <CompileError snippet="rc/x" />',
      '<<< @/../snippets/rc/fail/x.rs',
    ].join('\n')
    expect(scanDeck(md)).toEqual({
      sources: [{ line: 2, path: './rc.md' }],
      imports: [
        { line: 4, path: '@/../snippets/rc/src/bin/clone-counts.rs', region: 'counts' },
        { line: 6, path: '@/../snippets/rc/fail/x.rs', region: null },
      ],
      refs: [{ line: 5, id: 'rc/clone-counts' }, { line: 5, id: 'rc/x' }],
    })
  })

  it('reads a live slide\'s steps, each with its own region or the slide\'s', () => {
    const md = `<LiveSnippet :steps="['refcell/double-borrow', 'refcell/double-borrow-fixed#fixed']" region="alias" />`
    expect(scanDeck(md).refs).toEqual([
      { line: 1, id: 'refcell/double-borrow', region: 'alias' },
      { line: 1, id: 'refcell/double-borrow-fixed', region: 'fixed' },
    ])
    expect(scanDeck(`<LiveSnippet :steps="['a/b']" />`).refs).toEqual([{ line: 1, id: 'a/b' }])
  })

  it('ignores what a plain code block shows, but reads imports inside magic-move', () => {
    const md = [
      '```md',
      '<<< @/not/an/import.rs',
      '<RunOutput snippet="not/a-ref" />',
      '```',
      '````md magic-move',
      '<<< @/a.rs#one',
      '```rust',
      'fn x() {}',
      '```',
      '````',
      '<<< @/b.rs',
    ].join('\n')
    const scan = scanDeck(md)
    expect(scan.imports.map(i => i.path)).toEqual(['@/a.rs', '@/b.rs'])
    expect(scan.refs).toEqual([])
  })
})
