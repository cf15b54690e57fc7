import type { DeckSet } from './decks.ts'
import { describe, expect, it } from 'vitest'
import { claimProblems } from './claims-check.ts'
import { parseDeckFile } from './decks.ts'

function deck(markdown: string): DeckSet {
  const source = parseDeckFile('slides/rwlock.md', markdown)
  return { decks: [], files: new Map([[source.file, source]]), problems: [] }
}

const SLIDE = `---
title: RwLock
---

# Throughput

<MeasuredRatio snippet="rwlock/throughput" of="rwlock-reads" over="mutex-reads" label="read throughput" />

\`\`\`rust
let gain = 2; // 2× in code is code, checked by rustc
\`\`\`

<!--
Readers share the lock.
-->
`

describe('claimProblems', () => {
  it('passes a slide whose figures come from captures', () => {
    expect(claimProblems(deck(SLIDE))).toEqual([])
  })

  it('fails "at most 2×" typed into a slide text, at its line', () => {
    const problems = claimProblems(deck(SLIDE.replace('# Throughput\n', '# Throughput\n\nThe gain is at most 2× on two cores.\n')))
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatch(/^slides\/rwlock\.md:7: "2×" is a measured quantity typed into the slide; render it from a capture/)
  })

  it('fails one typed into the notes, at its line', () => {
    const problems = claimProblems(deck(SLIDE.replace('Readers share the lock.', 'Readers share the lock: 12 743 reads/ms.')))
    expect(problems).toEqual([expect.stringMatching(/^slides\/rwlock\.md:14: "12 743 reads\/ms" is a measured quantity/)])
  })
})
