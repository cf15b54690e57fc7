import type { GeneratedData } from './snippet-data.ts'
import { describe, expect, it } from 'vitest'
import { typedMeasureProblem, typedMeasures, witnessProblems, witnessRefs } from './claims.ts'

describe('typedMeasures', () => {
  it.each([
    ['the gain is at most 2× on two cores', '2×'],
    ['Mutex 4 570 reads/ms against', '4 570 reads/ms'],
    ['a 1 KiB value', '1 KiB'],
    ['The box itself is 8 bytes', '8 bytes'],
    ['waits 200 ms first', '200 ms'],
    ['about 5.3x slower', '5.3x'],
    ['uses 40% more', '40%'],
    ['takes 1.5 s', '1.5 s'],
    ['Box<u64>  8 B', '8 B'],
    ['one node is 2 words', '2 words'],
  ])('finds %j', (text, typed) => {
    expect(typedMeasures(text, 7).map(m => m.text)).toEqual([typed])
  })

  it.each([
    'E0499 and E0502, twice',
    'rustc 1.95 and edition 2024',
    'a `u16` and `[0u8; 16 << 20]`',
    'class="gap-4 mt-3"',
    'takes 10 minutes, 3 steps',
    'one pointer wide, two words on the stack are words',
    'usize::MAX is 2^64 - 1 on 64-bit targets',
  ])('leaves %j alone', (text) => {
    expect(typedMeasures(text, 1)).toEqual([])
  })

  it('lets a constant pass with its source beside it', () => {
    expect(typedMeasures('The main thread\'s stack is 8 MiB (source: `ulimit -s` on Linux)', 3)).toEqual([])
    expect(typedMeasures('The main thread\'s stack is 8 MiB (source: )', 3)).toHaveLength(1)
  })

  it('says where and how to fix', () => {
    const [m] = typedMeasures('The gain is at most 2× here.', 12)
    expect(m).toEqual({ line: 12, column: 21, text: '2×' })
    expect(typedMeasureProblem('slides/rwlock.md', m!)).toMatch(/^slides\/rwlock\.md:12: "2×" is a measured quantity typed into the slide; render it from a capture \(<MeasuredRatio/)
  })
})

describe('witnesses', () => {
  const data = (outcome: 'ok' | 'FAILED' | 'ignored', status: 'passed' | 'failed' = 'passed'): GeneratedData => ({
    rustc: 'rustc 1.95.0',
    snippets: {
      'box/niche': {
        id: 'box/niche',
        topic: 'box',
        file: 'snippets/box/src/bin/niche.rs',
        source: '',
        expectation: { kind: 'runs', varies: false },
        command: 'cargo run -q --bin niche',
        support: null,
        status,
        failures: status === 'failed' ? ['snippets/box/src/bin/niche.rs:1: 1 of its tests failed\n…'] : [],
        key: 'k',
        durationMs: 1,
        run: null,
        diagnostics: [],
        tests: { passed: 1, failed: 0, output: '', results: [{ name: 'tests::nil_is_the_null_pointer', outcome, message: outcome === 'FAILED' ? 'assertion `left == right` failed' : null }] },
        trace: null,
      },
    },
  })

  it('reads `(witness: id#test)` and `(witness: id)`', () => {
    expect(witnessRefs('Nil is null (witness: box/niche#nil_is_the_null_pointer), and (witness: box/list).', 4)).toEqual([
      { line: 4, snippet: 'box/niche', test: 'nil_is_the_null_pointer' },
      { line: 4, snippet: 'box/list' },
    ])
  })

  it('passes a witness whose test passed', () => {
    expect(witnessProblems('slides/box.md', [{ line: 4, snippet: 'box/niche', test: 'nil_is_the_null_pointer' }], data('ok'))).toEqual([])
  })

  it('fails the deck at the claim\'s line when its witness fails', () => {
    expect(witnessProblems('slides/box.md', [{ line: 4, snippet: 'box/niche', test: 'nil_is_the_null_pointer' }], data('FAILED', 'failed'))).toEqual([
      'slides/box.md:4: the claim\'s witness box/niche fails: snippets/box/src/bin/niche.rs:1: 1 of its tests failed',
    ])
  })

  it('fails a failing test even when the snippet promised test failures', () => {
    expect(witnessProblems('slides/box.md', [{ line: 9, snippet: 'box/niche', test: 'nil_is_the_null_pointer' }], data('FAILED'))).toEqual([
      'slides/box.md:9: the claim\'s witness box/niche#nil_is_the_null_pointer fails: assertion `left == right` failed; the sentence it witnesses is not true of the code',
    ])
  })

  it('names a missing snippet or test', () => {
    expect(witnessProblems('slides/box.md', [{ line: 2, snippet: 'box/nope' }, { line: 3, snippet: 'box/niche', test: 'tag_in_padding' }], data('ok'))).toEqual([
      'slides/box.md:2: the claim\'s witness `box/nope` names no snippet',
      'slides/box.md:3: the claim\'s witness box/niche has no test `tag_in_padding`; its tests are: tests::nil_is_the_null_pointer',
    ])
  })
})
