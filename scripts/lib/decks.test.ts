import { describe, expect, it } from 'vitest'
import { parseDeckFile } from './decks.ts'

/** Imports, snippet references and `src:` includes of a one-file deck, with their lines. */
function scanDeck(markdown: string) {
  const { slides } = parseDeckFile('slides/x.md', markdown)
  return {
    sources: slides.filter(s => s.src !== null).map(s => ({ line: s.keyLines.src!, path: s.src! })),
    imports: slides.flatMap(s => s.imports),
    refs: slides.flatMap(s => s.refs),
  }
}

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

describe('component uses', () => {
  it('reads each tag\'s literal and bound attributes, over several lines, at the line of its <', () => {
    const md = [
      '---',
      'minutes: 1',
      '---',
      '',
      '<RcGraph snippet="rc/clone-counts" at="+2" />',
      '<LockTimeline',
      '  snippet=\'mutex/contention\'',
      '  :trace="[{ ev: \'step\' }]"',
      '  v-click',
      '/>',
      '```md',
      '<HeapLayout snippet="box/in-a-code-block" />',
      '```',
    ].join('\n')
    const [slide] = parseDeckFile('slides/x.md', md).slides
    expect(slide!.components).toEqual([
      { line: 5, name: 'RcGraph', props: { snippet: 'rc/clone-counts', at: '+2' }, bound: {} },
      { line: 6, name: 'LockTimeline', props: { 'snippet': 'mutex/contention', 'v-click': true }, bound: { trace: '[{ ev: \'step\' }]' } },
    ])
  })
})
