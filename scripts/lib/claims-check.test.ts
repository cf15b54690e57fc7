import type { GeneratedData, SnippetResult } from '../../core/snippet-data.ts'
import type { DeckSet } from './decks.ts'
import { describe, expect, it } from 'vitest'
import { captionProblems, claimProblems, witnessCheck } from './claims-check.ts'
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

describe('witnessCheck', () => {
  const data = (passed: boolean): GeneratedData => ({
    rustc: 'rustc 1.95.0',
    snippets: {
      'rc/weak': {
        id: 'rc/weak',
        topic: 'rc',
        file: 'snippets/rc/src/bin/weak.rs',
        source: '',
        expectation: { kind: 'tests' },
        command: 'cargo test --bin weak',
        support: null,
        status: 'passed',
        failures: [],
        key: 'k',
        durationMs: 1,
        run: null,
        diagnostics: [],
        tests: { passed: passed ? 1 : 0, failed: passed ? 0 : 1, output: '', results: [{ name: 'tests::weak_does_not_keep_the_value', outcome: passed ? 'ok' : 'FAILED', message: passed ? null : 'assertion failed: w.upgrade().is_none()' }] },
        trace: null,
      },
    },
  })
  const markdown = SLIDE
    .replace('# Throughput\n', '# Throughput\n\n<Witness snippet="rc/weak" test="weak_does_not_keep_the_value">`Weak` does not keep the value alive.</Witness>\n')
    .replace('Readers share the lock.', 'Dropped in reverse order (witness: rc/weak#weak_does_not_keep_the_value).')

  it('passes claims whose witnesses passed', () => {
    expect(witnessCheck(deck(markdown), data(true))).toEqual([])
  })

  it('fails each claim at its own line, on the slide and in the notes, when the witness fails', () => {
    const problems = witnessCheck(deck(markdown), data(false))
    expect(problems.map(p => p.split(':').slice(0, 2).join(':'))).toEqual(['slides/rwlock.md:7', 'slides/rwlock.md:16'])
    expect(problems[0]).toContain('witness rc/weak#weak_does_not_keep_the_value fails: assertion failed: w.upgrade().is_none()')
  })
})

describe('captionProblems', () => {
  const result = (caption: string): SnippetResult => ({
    id: 'box/fat-pointers',
    topic: 'box',
    file: 'snippets/box/src/bin/fat-pointers.rs',
    source: `fn main() {\n    let b = Box::new(1);\n    trace::step("${caption}");\n}\n`,
    expectation: { kind: 'runs', varies: false },
    command: 'cargo run -q --bin fat-pointers',
    support: null,
    status: 'passed',
    failures: [],
    key: 'k',
    durationMs: 1,
    run: null,
    diagnostics: [],
    tests: null,
    trace: [{ seq: 0, ev: 'step', caption }],
  })

  it('fails a measured quantity typed into a replay caption, at its trace::step line', () => {
    expect(captionProblems([result('Box<i32>: one pointer to 4 bytes')])).toEqual([
      expect.stringMatching(/^snippets\/box\/src\/bin\/fat-pointers\.rs:3: "4 bytes" is a measured quantity typed into a replay's caption/),
    ])
  })

  it('passes a caption in words', () => {
    expect(captionProblems([result('Box<i32>: one pointer to an i32')])).toEqual([])
  })
})
