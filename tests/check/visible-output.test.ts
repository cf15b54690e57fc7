/**
 * A slide that shows a program's output beside regions of its code shows
 * every line of `main` that prints (scripts/lib/deck-check.ts `unseenPrints`).
 * Held for the topics a learner can follow alone; the other decks' findings
 * are listed by running `unseenPrints` on them.
 */
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { deckSource } from '../../core/deck-model.ts'
import { unseenPrints } from '../../scripts/lib/deck-check.ts'
import { deckSetOf, readLessonModel } from '../../scripts/lib/lesson-model.ts'
import { discoverSnippets } from '../../scripts/lib/snippets.ts'

const root = fileURLToPath(new URL('../..', import.meta.url))
const slidesDir = join(root, 'slides')

describe('output beside code', () => {
  it('rc: every line the output panels show is printed by a line on the slide', async () => {
    const [decks, { snippets }] = [deckSetOf(readLessonModel(root)), await discoverSnippets(root)]
    const byPath = new Map(snippets.map(s => [s.path, s]))
    expect(unseenPrints(decks.files.get('slides/rc.md')!, byPath, slidesDir)).toEqual([])
  })

  it('names the slide and the hidden line', async () => {
    const { snippets } = await discoverSnippets(root)
    const byPath = new Map(snippets.map(s => [s.path, s]))
    const lines = ['---', 'minutes: 1', '---', '# x', '', '<<< @/../snippets/rc/src/bin/clone-counts.rs#counts rust', '', '<RunOutput snippet="rc/clone-counts" />']
    const source = deckSource('slides/x.md', { slides: [{ start: 0, contentStart: 3, end: lines.length, frontmatter: { minutes: 1 }, title: 'x' }] }, lines)
    const clone = snippets.find(s => s.id === 'rc/clone-counts')!
    const hidden = clone.source.split('\n').findIndex(l => l.includes('println!') && !l.includes('strong =')) + 1
    const region = clone.regions.get('counts')!
    const found = unseenPrints(source, byPath, slidesDir)
    // Every print of `main` outside the region is named; none inside it.
    expect(found.every(p => p.startsWith('slides/x.md:8: the output of rc/clone-counts'))).toBe(true)
    if (hidden > region.end)
      expect(found).toHaveLength(1)
    else
      expect(found).toEqual([])
  })
})
