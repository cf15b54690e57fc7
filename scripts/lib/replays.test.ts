import type { RawTraceEvent, SnippetResult } from '../../core/snippet-data.ts'
import type { DeckSet } from './decks.ts'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { fakeResult } from '../../core/testing/fakeResult.ts'
import { parseDeckFile } from './decks.ts'
import { KIT_ROOT } from './kit-copy.ts'
import { checkReplays } from './replays.ts'

/** A result carrying the checked-in recording of `id`, as the check would capture it. */
function recorded(id: string, edit: (events: RawTraceEvent[]) => RawTraceEvent[] = e => e): SnippetResult {
  const [topic, name] = id.split('/') as [string, string]
  const text = readFileSync(join(KIT_ROOT, 'snippets', topic, 'expected', `${name}.trace`), 'utf8')
  return fakeResult(id, { trace: edit(text.split('\n').filter(Boolean).map(l => JSON.parse(l) as RawTraceEvent)) })
}

function decks(markdown: string): DeckSet {
  const source = parseDeckFile('slides/mutex.md', markdown)
  return { decks: [], files: new Map([[source.file, source]]), problems: [] }
}

const slide = '---\nminutes: 1\n---\n\n# Contention\n\n<LockTimeline snippet="mutex/contention" />\n<RcGraph snippet="mutex/contention" />\n<RcGraph :trace="[]" />\n<HeapLayout />\n'

describe('checkReplays', () => {
  it('passes a recording the component draws', () => {
    expect(checkReplays(decks('# x\n\n<LockTimeline snippet="mutex/contention" />\n'), [recorded('mutex/contention')])).toEqual([])
  })

  it('names the deck line and snippet of a capture a component cannot draw', () => {
    // t2 takes the lock while t1 still holds it: no timeline can show that.
    const broken = recorded('mutex/contention', events => events.map(e => e.seq === 4 ? { ...e, op: 'acquire' } : e))
    expect(checkReplays(decks(slide), [broken])).toEqual([
      'slides/mutex.md:7: <LockTimeline snippet="mutex/contention"> cannot draw what the check captured: snippet "mutex/contention", event seq 4: thread "t2" acquires "log" while "t1" still holds it; record `LockOp::Release` before the guard is dropped',
      expect.stringMatching(/^slides\/mutex\.md:8: <RcGraph snippet="mutex\/contention"> cannot draw what the check captured: snippet "mutex\/contention": its recording has no "rc" or "arc" or "weak" events/),
      'slides/mutex.md:10: <HeapLayout> replays nothing: give it snippet="<topic>/<name>" or :trace="[…]"',
    ])
  })
})
