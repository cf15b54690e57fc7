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

describe('parseDeckFile and YAML errors in frontmatter', () => {
  const errors = (md: string) => parseDeckFile('slides/x.md', md).errors

  it('names an unclosed quote at the line of its key, in the headmatter and in a slide', () => {
    expect(errors('---\ntitle: Rc\nminutes: "1\n---\n\n# One\n')).toEqual(['slides/x.md:3: the frontmatter is not valid YAML: Missing closing "quote'])
    expect(errors('---\ntitle: Rc\n---\n\n# One\n\n---\nlayout: center\ntitle: "Two\nminutes: 2\n---\n\n# Two\n')).toEqual(['slides/x.md:9: the frontmatter is not valid YAML: Missing closing "quote'])
  })

  it('names a tab used as indentation at its own line', () => {
    expect(errors('---\ntitle: Rc\n---\n\n# One\n\n---\nminutes: 2\n\tsection: x\n---\n\n# Two\n')).toEqual(['slides/x.md:9: the frontmatter is not valid YAML: Tabs are not allowed as indentation'])
  })

  it('names an unclosed bracket at its key, and reads a ```yaml block\'s lines', () => {
    expect(errors('---\ntitle: Rc\nobjectives: [one, two\nbudget: 3\n---\n\n# One\n')).toEqual([expect.stringMatching(/^slides\/x\.md:3: the frontmatter is not valid YAML: Flow sequence/)])
    expect(errors('# One\n\n---\n\n```yaml\nlayout: center\nminutes: "2\n```\n\n# Two\n')).toEqual(['slides/x.md:7: the frontmatter is not valid YAML: Missing closing "quote'])
  })

  it('says nothing of valid YAML', () => {
    expect(errors('---\ntitle: "Rc"\nminutes: 2\n---\n\n# One\n')).toEqual([])
  })
})
